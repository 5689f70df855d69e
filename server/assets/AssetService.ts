/**
 * Images on boards: upload (processed, then stored within the session's
 * quota), reading, and following the board wherever it goes (duplicate,
 * archive, delete). Asset ids stay the same when a board is copied; only the
 * session in their URL changes (see `rebaseAssetRecord`).
 */
import { createHash, randomBytes } from 'node:crypto';
import type { ArchivedAsset } from '../../shared/archivedAsset.js';
import type { AssetInfo, AssetStore, AssetVariant } from '../storage/AssetStore.js';
import { assetNotFound, assetQuotaExceeded } from './assetErrors.js';
import { processImage, type ProcessedImage } from './processImage.js';

export interface AssetLimits {
  /** Per session, stored bytes (images and thumbnails). */
  sessionQuotaBytes: number;
}

export interface AssetServiceOptions extends AssetLimits {
  /** Server epoch milliseconds (tests move it by hand). */
  now?: () => number;
}

export class AssetService {
  constructor(
    private readonly store: AssetStore,
    private readonly limits: AssetServiceOptions,
  ) {}

  private now(): number {
    return this.limits.now?.() ?? Date.now();
  }

  async upload(sessionId: string, file: Buffer): Promise<AssetInfo> {
    return this.save(sessionId, newAssetId(), await processImage(file));
  }

  private async save(sessionId: string, id: string, processed: ProcessedImage): Promise<AssetInfo> {
    const info: AssetInfo = {
      id,
      sessionId,
      mimeType: processed.mimeType,
      width: processed.width,
      height: processed.height,
      bytes: processed.image.byteLength + processed.thumbnail.byteLength,
      createdAt: new Date(this.now()).toISOString(),
    };
    const stored = await this.store.put({ info, image: processed.image, thumbnail: processed.thumbnail }, this.limits.sessionQuotaBytes);
    if (!stored) throw assetQuotaExceeded();
    return info;
  }

  async read(sessionId: string, assetId: string, variant: AssetVariant): Promise<{ info: AssetInfo; data: Uint8Array }> {
    const found = await this.store.read(sessionId, assetId, variant);
    if (!found) throw assetNotFound();
    return found;
  }

  /** Every asset of one session copied to another, under the same ids (the duplicated board keeps pointing at them). */
  copySession(fromSessionId: string, toSessionId: string): Promise<void> {
    return this.copyImages(fromSessionId, toSessionId);
  }

  /**
   * Images of one owner (a session, a template) copied to another under the
   * same ids: `ids` only when given, and none the target already holds.
   */
  async copyImages(fromOwner: string, toOwner: string, ids?: readonly string[]): Promise<void> {
    const held = new Set((await this.store.list(toOwner)).map((info) => info.id));
    for (const info of await this.store.list(fromOwner)) {
      if (held.has(info.id) || (ids && !ids.includes(info.id))) continue;
      const image = await this.store.read(fromOwner, info.id, 'image');
      const thumbnail = await this.store.read(fromOwner, info.id, 'thumbnail');
      if (!image || !thumbnail) continue;
      await this.store.put(
        { info: { ...info, sessionId: toOwner }, image: image.data, thumbnail: thumbnail.data },
        Number.POSITIVE_INFINITY,
      );
    }
  }

  /** The session's images for an archive: the stored bytes, base64. */
  exportSession(sessionId: string): Promise<ArchivedAsset[]> {
    return this.exportImages(sessionId);
  }

  /** An owner's images (only `ids` when given) as files carry them: the stored bytes, base64. */
  async exportImages(owner: string, ids?: readonly string[]): Promise<ArchivedAsset[]> {
    const archived: ArchivedAsset[] = [];
    for (const info of await this.store.list(owner)) {
      if (ids && !ids.includes(info.id)) continue;
      const image = await this.store.read(owner, info.id, 'image');
      if (image) archived.push({ id: info.id, data: Buffer.from(image.data).toString('base64') });
    }
    return archived;
  }

  /**
   * An archive's images, checked and re-encoded as uploads are, before any
   * session exists: a bad image or a quota overrun refuses the whole import.
   */
  async prepareImport(archived: ArchivedAsset[]): Promise<(sessionId: string) => Promise<void>> {
    const processed: { id: string; image: ProcessedImage }[] = [];
    let bytes = 0;
    for (const asset of archived) {
      const image = await processImage(Buffer.from(asset.data, 'base64'));
      bytes += image.image.byteLength + image.thumbnail.byteLength;
      if (bytes > this.limits.sessionQuotaBytes) throw assetQuotaExceeded();
      processed.push({ id: asset.id, image });
    }
    return async (sessionId) => {
      for (const { id, image } of processed) await this.save(sessionId, id, image);
    };
  }

  /**
   * Deletes the session's images that are not in `inUse` and were uploaded
   * more than `graceMs` ago (a younger one may be an upload whose record is
   * still on its way to the board). Returns how many went.
   */
  async deleteUnused(sessionId: string, inUse: ReadonlySet<string>, graceMs: number): Promise<number> {
    const uploadedBefore = this.now() - graceMs;
    const unused = (await this.store.list(sessionId))
      .filter((info) => !inUse.has(info.id) && Date.parse(info.createdAt) <= uploadedBefore)
      .map((info) => info.id);
    await this.store.delete(sessionId, unused);
    return unused.length;
  }

  /** Whether the session holds any image (most hold none: nothing to purge, no board to read). */
  async hasImages(sessionId: string): Promise<boolean> {
    return (await this.store.list(sessionId)).length > 0;
  }

  /** The sessions holding images, for the daily sweep (templates' images are not a board's). */
  async sessionsWithImages(): Promise<string[]> {
    return (await this.store.sessionIds()).filter((owner) => !owner.startsWith(TEMPLATE_OWNER_PREFIX));
  }

  deleteSession(sessionId: string): Promise<void> {
    return this.store.deleteSession(sessionId);
  }
}

const TEMPLATE_OWNER_PREFIX = 'tpl-';

/**
 * Where a saved template's images are stored: a name of their own, longer
 * than any session id (12 characters), so no session can ever read them.
 */
export function templateImagesOwner(templateId: string): string {
  return TEMPLATE_OWNER_PREFIX + createHash('sha256').update(templateId).digest('base64url').slice(0, 22);
}

/** 128 random bits, URL-safe. */
function newAssetId(): string {
  return randomBytes(16).toString('base64url');
}
