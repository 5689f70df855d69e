/**
 * Embedded asset storage: `<dataDir>/assets/<sessionId>/<assetId>.json`
 * (info), `.image` and `.thumb` beside it. The info file is written last, so
 * an asset is listed only once its bytes are whole.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { AssetInfo, AssetStore, AssetVariant, StoredAsset } from './AssetStore.js';
import { readIfExists, writeDurably } from './durableFiles.js';

const SAFE_ID = /^[A-Za-z0-9_-]{1,64}$/;
const SUFFIX: Record<AssetVariant, string> = { image: '.image', thumbnail: '.thumb' };

export class FileAssetStore implements AssetStore {
  private readonly root: string;
  /** Per-session chains of puts, so the quota check and the write happen as one step. */
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(dataDir: string) {
    this.root = path.join(dataDir, 'assets');
  }

  private dir(sessionId: string): string {
    if (!SAFE_ID.test(sessionId)) throw new Error(`Identifiant de séance invalide : ${sessionId}`);
    return path.join(this.root, sessionId);
  }

  private file(sessionId: string, assetId: string, suffix: string): string {
    if (!SAFE_ID.test(assetId)) throw new Error(`Identifiant d'image invalide : ${assetId}`);
    return path.join(this.dir(sessionId), assetId + suffix);
  }

  put(asset: StoredAsset, sessionQuotaBytes: number): Promise<boolean> {
    const { sessionId, id } = asset.info;
    const run = (this.queues.get(sessionId) ?? Promise.resolve()).catch(() => undefined).then(async () => {
      const used = (await this.list(sessionId)).reduce((sum, a) => sum + a.bytes, 0);
      if (used + asset.info.bytes > sessionQuotaBytes) return false;
      await fs.mkdir(this.dir(sessionId), { recursive: true });
      await writeDurably(this.file(sessionId, id, SUFFIX.image), asset.image);
      await writeDurably(this.file(sessionId, id, SUFFIX.thumbnail), asset.thumbnail);
      await writeDurably(this.file(sessionId, id, '.json'), Buffer.from(JSON.stringify(asset.info)));
      return true;
    });
    this.queues.set(sessionId, run);
    void run.finally(() => this.queues.get(sessionId) === run && this.queues.delete(sessionId)).catch(() => undefined);
    return run;
  }

  async read(sessionId: string, assetId: string, variant: AssetVariant): Promise<{ info: AssetInfo; data: Uint8Array } | null> {
    if (!SAFE_ID.test(sessionId) || !SAFE_ID.test(assetId)) return null;
    const info = await readIfExists(this.file(sessionId, assetId, '.json'));
    if (!info) return null;
    const data = await readIfExists(this.file(sessionId, assetId, SUFFIX[variant]));
    return data ? { info: JSON.parse(info.toString('utf8')) as AssetInfo, data } : null;
  }

  async list(sessionId: string): Promise<AssetInfo[]> {
    let names: string[];
    try {
      names = await fs.readdir(this.dir(sessionId));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const infos: AssetInfo[] = [];
    for (const name of names.filter((n) => n.endsWith('.json')).sort()) {
      const data = await readIfExists(path.join(this.dir(sessionId), name));
      if (data) infos.push(JSON.parse(data.toString('utf8')) as AssetInfo);
    }
    return infos.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  /** The info file goes first: a half-deleted asset is no longer listed, and its bytes are removed next. */
  async delete(sessionId: string, assetIds: readonly string[]): Promise<void> {
    for (const id of assetIds) {
      for (const suffix of ['.json', SUFFIX.image, SUFFIX.thumbnail]) await fs.rm(this.file(sessionId, id, suffix), { force: true });
    }
  }

  async deleteSession(sessionId: string): Promise<void> {
    await fs.rm(this.dir(sessionId), { recursive: true, force: true });
  }

  async sessionIds(): Promise<string[]> {
    try {
      return (await fs.readdir(this.root)).filter((name) => SAFE_ID.test(name)).sort();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
  }
}
