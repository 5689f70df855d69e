/** Real image files for upload tests, made with sharp (the same library the server decodes with). */
import sharp from 'sharp';
import type { BoardRecord } from '../../shared/boardLayout.js';
import { authed } from './api.js';

/**
 * A photo-like JPEG: gradients with `grain` of noise (0 to 1). Grain does not
 * compress, so at 1 a JPEG weighs about 1.5 bytes a pixel, like a phone's photo.
 */
export async function photoJpeg(width = 1600, height = 1200, exifGps = false, grain = 1): Promise<Buffer> {
  const pixels = Buffer.alloc(width * height * 3);
  let seed = 12345;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      seed = (seed * 1103515245 + 12345) >>> 0;
      const noise = ((seed >>> 24) - 128) * grain;
      pixels[i] = clamp((x / width) * 200 + 30 + noise);
      pixels[i + 1] = clamp((y / height) * 180 + 40 + noise);
      pixels[i + 2] = clamp(((x + y) / (width + height)) * 160 + 60 + noise);
    }
  }
  let image = sharp(pixels, { raw: { width, height, channels: 3 } }).jpeg({ quality: 92 });
  if (exifGps) {
    image = image.withExif({
      IFD0: { Make: 'Trame test camera', Copyright: 'Camille Dupont' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '48/1 51/1 2964/100', GPSLongitudeRef: 'E', GPSLongitude: '2/1 20/1 5616/100' },
    });
  }
  return image.toBuffer();
}

const clamp = (v: number) => Math.max(0, Math.min(255, Math.round(v)));

export function pngSquare(side = 64, color = '#2f6fbf'): Promise<Buffer> {
  return sharp({ create: { width: side, height: side, channels: 4, background: color } }).png().toBuffer();
}

export function uploadAsset(baseUrl: string, sessionId: string, token: string, body: Uint8Array, type = 'image/jpeg'): Promise<Response> {
  return fetch(`${baseUrl}/api/sessions/${sessionId}/assets`, authed(token, { method: 'POST', body: new Blob([new Uint8Array(body)]), headers: { 'content-type': type } }));
}

/** The asset and image shape tldraw writes for an uploaded image, as plain records. */
export function imageRecords(assetId: string, src: string, at = { x: 100, y: 100 }): BoardRecord[] {
  return [
    {
      id: `asset:${assetId}`,
      typeName: 'asset',
      type: 'image',
      props: { src, w: 64, h: 64, name: 'photo.png', isAnimated: false, mimeType: 'image/png', fileSize: 100 },
      meta: {},
    },
    {
      id: `shape:img-${assetId}`,
      typeName: 'shape',
      type: 'image',
      x: at.x,
      y: at.y,
      rotation: 0,
      index: 'c500',
      parentId: 'page:page',
      isLocked: false,
      opacity: 1,
      props: { w: 64, h: 64, playing: true, url: '', assetId: `asset:${assetId}`, crop: null, flipX: false, flipY: false, altText: '' },
      meta: {},
    },
  ];
}
