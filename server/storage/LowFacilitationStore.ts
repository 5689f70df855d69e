/**
 * Facilitation state in one file per session, `<dataDir>/facilitation/<sessionId>.json`, apart from session
 * metadata: a vote or a timer tick rewrites only its own session's record, whatever the number of sessions.
 * Each file is replaced durably (temporary file, fsync, rename). Folders of older versions kept every
 * session's record in one `facilitation.json`: it is split at open, then removed.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { FacilitationRecord } from '../realtime/facilitationRecord.js';
import { readIfExists, writeDurably } from './durableFiles.js';
import type { FacilitationStore, StoredFacilitation } from './FacilitationStore.js';

export const FACILITATION_DIR = 'facilitation';
export const LEGACY_FACILITATION_FILE = 'facilitation.json';
/** As board folders: an id never names anything outside the folder. */
const SAFE_ID = /^[A-Za-z0-9_-]{1,64}$/;

export function facilitationFile(dataDir: string, sessionId: string): string {
  if (!SAFE_ID.test(sessionId)) throw new Error(`Identifiant d'atelier invalide : ${sessionId}`);
  return path.join(dataDir, FACILITATION_DIR, `${sessionId}.json`);
}

export async function readFacilitationFile(file: string): Promise<StoredFacilitation | undefined> {
  const bytes = await readIfExists(file);
  return bytes ? (JSON.parse(bytes.toString('utf8')) as StoredFacilitation) : undefined;
}

export class LowFacilitationStore implements FacilitationStore {
  /** The last queued change of each session, so that changes of one session run one after the other. */
  private readonly queues = new Map<string, Promise<unknown>>();

  private constructor(private readonly dataDir: string) {}

  static async open(dataDir: string): Promise<LowFacilitationStore> {
    await fs.mkdir(path.join(dataDir, FACILITATION_DIR), { recursive: true });
    await splitLegacyFile(dataDir);
    return new LowFacilitationStore(dataDir);
  }

  async get(sessionId: string): Promise<FacilitationRecord | undefined> {
    return readFacilitationFile(facilitationFile(this.dataDir, sessionId));
  }

  update(
    sessionId: string,
    initial: () => FacilitationRecord,
    change: (current: FacilitationRecord) => FacilitationRecord,
  ): Promise<FacilitationRecord> {
    return this.serialized(sessionId, async () => {
      const file = facilitationFile(this.dataDir, sessionId);
      const next: StoredFacilitation = { ...change((await readFacilitationFile(file)) ?? initial()), id: sessionId };
      await writeDurably(file, Buffer.from(JSON.stringify(next)));
      return next;
    });
  }

  delete(sessionId: string): Promise<void> {
    return this.serialized(sessionId, () => fs.rm(facilitationFile(this.dataDir, sessionId), { force: true }));
  }

  private serialized<T>(sessionId: string, work: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(sessionId) ?? Promise.resolve();
    const result = previous.then(work, work);
    const settled = result.catch(() => undefined);
    this.queues.set(sessionId, settled);
    // Forget an idle session's queue so that the map does not grow with every session ever touched.
    void settled.then(() => {
      if (this.queues.get(sessionId) === settled) this.queues.delete(sessionId);
    });
    return result;
  }
}

/**
 * Writes each record of an older `facilitation.json` to its own file, then removes it. A stop midway leaves
 * the old file in place, and the next open writes the same files again: nothing is written to them before the
 * split ends, so the old file's content is still the latest.
 */
async function splitLegacyFile(dataDir: string): Promise<void> {
  const legacy = path.join(dataDir, LEGACY_FACILITATION_FILE);
  const bytes = await readIfExists(legacy);
  if (!bytes) return;
  const content = bytes.length === 0 ? {} : (JSON.parse(bytes.toString('utf8')) as { facilitation?: StoredFacilitation[] });
  const records = content.facilitation ?? [];
  // Checked before anything is written: a record that cannot be moved keeps the old file, and the server from starting.
  for (const record of records) facilitationFile(dataDir, record.id);
  for (const record of records) {
    await writeDurably(facilitationFile(dataDir, record.id), Buffer.from(JSON.stringify(record)));
  }
  await fs.rm(legacy);
}
