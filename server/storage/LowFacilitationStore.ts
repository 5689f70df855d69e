/**
 * Facilitation state in its own lowdb file (`<dataDir>/facilitation.json`),
 * apart from session metadata so frequent writes (votes, timer) do not
 * rewrite the participant list. Records sit in an array keyed by session id,
 * the shape the embedded-to-PostgreSQL migration reads (collection
 * `facilitation`). `new Low(new JSONFile())` rather than `JSONFilePreset`,
 * which silently stays in memory under NODE_ENV=test.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import type { FacilitationRecord } from '../realtime/facilitationRecord.js';
import type { FacilitationStore, StoredFacilitation } from './FacilitationStore.js';

interface FacilitationFile {
  version: 1;
  facilitation: StoredFacilitation[];
}

export class LowFacilitationStore implements FacilitationStore {
  private constructor(private readonly db: Low<FacilitationFile>) {}

  static async open(dataDir: string): Promise<LowFacilitationStore> {
    await fs.mkdir(dataDir, { recursive: true });
    const db = new Low<FacilitationFile>(new JSONFile(path.join(dataDir, 'facilitation.json')), {
      version: 1,
      facilitation: [],
    });
    await db.read();
    return new LowFacilitationStore(db);
  }

  async get(sessionId: string): Promise<FacilitationRecord | undefined> {
    return this.db.data.facilitation.find((r) => r.id === sessionId);
  }

  async update(
    sessionId: string,
    initial: () => FacilitationRecord,
    change: (current: FacilitationRecord) => FacilitationRecord,
  ): Promise<FacilitationRecord> {
    const records = this.db.data.facilitation;
    const index = records.findIndex((r) => r.id === sessionId);
    const next: StoredFacilitation = { ...change(records[index] ?? initial()), id: sessionId };
    if (index === -1) records.push(next);
    else records[index] = next;
    await this.db.write();
    return next;
  }

  async delete(sessionId: string): Promise<void> {
    const before = this.db.data.facilitation.length;
    this.db.data.facilitation = this.db.data.facilitation.filter((r) => r.id !== sessionId);
    if (this.db.data.facilitation.length !== before) await this.db.write();
  }
}
