/**
 * Facilitation state in its own lowdb file (`<dataDir>/facilitation.json`),
 * apart from session metadata so frequent writes (votes, timer) do not
 * rewrite the participant list. `new Low(new JSONFile())` rather than
 * `JSONFilePreset`, which silently stays in memory under NODE_ENV=test.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import type { FacilitationRecord, FacilitationStore } from './FacilitationStore.js';

interface FacilitationFile {
  version: 1;
  sessions: Record<string, FacilitationRecord>;
}

export class LowFacilitationStore implements FacilitationStore {
  private constructor(private readonly db: Low<FacilitationFile>) {}

  static async open(dataDir: string): Promise<LowFacilitationStore> {
    await fs.mkdir(dataDir, { recursive: true });
    const db = new Low<FacilitationFile>(new JSONFile(path.join(dataDir, 'facilitation.json')), {
      version: 1,
      sessions: {},
    });
    await db.read();
    return new LowFacilitationStore(db);
  }

  async get(sessionId: string): Promise<FacilitationRecord | undefined> {
    return this.db.data.sessions[sessionId];
  }

  async update(
    sessionId: string,
    initial: () => FacilitationRecord,
    change: (current: FacilitationRecord) => FacilitationRecord,
  ): Promise<FacilitationRecord> {
    const next = change(this.db.data.sessions[sessionId] ?? initial());
    this.db.data.sessions[sessionId] = next;
    await this.db.write();
    return next;
  }

  async delete(sessionId: string): Promise<void> {
    if (!(sessionId in this.db.data.sessions)) return;
    delete this.db.data.sessions[sessionId];
    await this.db.write();
  }
}
