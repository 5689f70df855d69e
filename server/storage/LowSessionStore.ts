/**
 * Session metadata in one lowdb JSON file (`<dataDir>/trame.json`). It holds
 * metadata only, never board content, so its size and write cost do not grow
 * with edits.
 */
import type { Low } from 'lowdb';
import type { SessionRecord } from '../sessions/sessionRecord.js';
import type { SessionChange, SessionStore } from './SessionStore.js';
import { openLowFile } from './openLowFile.js';

interface MetadataFile {
  version: 1;
  sessions: SessionRecord[];
}

export class LowSessionStore implements SessionStore {
  private constructor(private readonly db: Low<MetadataFile>) {}

  static async open(dataDir: string): Promise<LowSessionStore> {
    const db = await openLowFile<MetadataFile>(dataDir, 'trame.json', { version: 1, sessions: [] });
    return new LowSessionStore(db);
  }

  async list(): Promise<SessionRecord[]> {
    return [...this.db.data.sessions];
  }

  async get(id: string): Promise<SessionRecord | undefined> {
    return this.db.data.sessions.find((s) => s.id === id);
  }

  async insert(session: SessionRecord): Promise<void> {
    this.db.data.sessions.push(session);
    await this.db.write();
  }

  async update(id: string, change: SessionChange): Promise<SessionRecord | undefined> {
    const session = this.db.data.sessions.find((s) => s.id === id);
    if (!session) return undefined;
    Object.assign(session, change(session));
    await this.db.write();
    return session;
  }

  async delete(id: string): Promise<boolean> {
    const before = this.db.data.sessions.length;
    this.db.data.sessions = this.db.data.sessions.filter((s) => s.id !== id);
    if (this.db.data.sessions.length === before) return false;
    await this.db.write();
    return true;
  }
}
