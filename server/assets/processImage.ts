/**
 * Turns an uploaded file into what Trame stores: the format is read from the
 * bytes (never from the name or the declared type), the image re-encoded as
 * WebP with its longest side bounded, every metadata block (EXIF, GPS, XMP,
 * ICC names) dropped, and a small thumbnail made for phones. SVG is
 * rasterised, which is its sanitising: no script, link or external reference
 * survives into a bitmap.
 */
import sharp from 'sharp';
import { ASSET_MAX_SIDE_PX, ASSET_THUMBNAIL_SIDE_PX } from '../../shared/limits.js';
import { ApiError } from '../errors.js';
import { assetPdfRefused, assetSvgRefused, assetTypeRefused, assetUnreadable } from './assetErrors.js';

export interface ProcessedImage {
  mimeType: 'image/webp';
  width: number;
  height: number;
  image: Buffer;
  thumbnail: Buffer;
}

/** About a 10,000 × 10,000 image: beyond, decoding alone could exhaust memory (a decompression bomb). */
const MAX_INPUT_PIXELS = 100_000_000;

const ACCEPTED = new Set(['jpeg', 'png', 'webp', 'gif', 'svg']);

export async function processImage(input: Buffer): Promise<ProcessedImage> {
  if (input.subarray(0, 5).toString('latin1') === '%PDF-') throw assetPdfRefused();
  let format: string | undefined;
  let pages: number;
  try {
    const meta = await sharp(input, { limitInputPixels: MAX_INPUT_PIXELS }).metadata();
    format = meta.format;
    pages = meta.pages ?? 1;
  } catch {
    throw looksLikeSvg(input) ? assetUnreadable() : assetTypeRefused();
  }
  if (!format || !ACCEPTED.has(format)) throw assetTypeRefused();
  if (format === 'svg') checkSvg(input);
  const animated = format === 'gif' && pages > 1;
  try {
    // Both sizes at once, with a fast WebP effort: the dropper waits for this (3 s → under 1 s for a 4 MP photo).
    const [{ data: image, info }, thumbnail] = await Promise.all([
      sharp(input, { limitInputPixels: MAX_INPUT_PIXELS, animated })
        .rotate()
        .resize(ASSET_MAX_SIDE_PX, ASSET_MAX_SIDE_PX, { fit: 'inside', withoutEnlargement: true })
        .webp({ quality: 82, effort: 2 })
        .toBuffer({ resolveWithObject: true }),
      sharp(input, { limitInputPixels: MAX_INPUT_PIXELS, pages: 1 })
        .rotate()
        .resize(ASSET_THUMBNAIL_SIDE_PX, ASSET_THUMBNAIL_SIDE_PX, { fit: 'inside', withoutEnlargement: true })
        .webp({ quality: 70, effort: 2 })
        .toBuffer(),
    ]);
    // An animated image's height is the sum of its frames; one frame's is what is shown.
    const height = animated ? (info.pageHeight ?? info.height) : info.height;
    return { mimeType: 'image/webp', width: info.width, height, image, thumbnail };
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw assetUnreadable();
  }
}

function looksLikeSvg(input: Buffer): boolean {
  return /<svg[\s>]/i.test(input.subarray(0, 4096).toString('utf8'));
}

/**
 * librsvg does not fetch network URLs, but it may read local files named by
 * an href, and entities can blow up; an SVG with either is refused rather
 * than trusted to the renderer's defaults.
 */
function checkSvg(input: Buffer): void {
  const text = input.toString('utf8');
  if (/<!ENTITY|<!DOCTYPE[^>]*\[/i.test(text)) throw assetSvgRefused();
  for (const match of text.matchAll(/(?:xlink:)?href\s*=\s*["']\s*([^"']*)["']/gi)) {
    const target = match[1]!;
    if (!target.startsWith('#') && !/^data:image\/(png|jpeg|gif|webp);base64,/i.test(target)) throw assetSvgRefused();
  }
  if (/url\(\s*["']?(?!#)/i.test(text) || /@import/i.test(text)) throw assetSvgRefused();
}
