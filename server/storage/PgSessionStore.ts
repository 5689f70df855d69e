/** Session metadata in PostgreSQL: the whole record as JSON, so new record fields need no schema change. */
import type { Pool } from 'pg';
import { PgRecordCollection } from './PgRecordCollection.js';
import type { SessionRecord } from '../sessions/sessionRecord.js';
import type { SessionChange, SessionStore } from './SessionStore.js';

export class PgSessionStore implements SessionStore {
  private readonly records: PgRecordCollection<SessionRecord>;

  constructor(pool: Pool) {
    this.records = new PgRecordCollection(pool, 'sessions');
  }

  list(): Promise<SessionRecord[]> {
    return this.records.list();
  }

  get(id: string): Promise<SessionRecord | undefined> {
    return this.records.get(id);
  }

  insert(session: SessionRecord): Promise<void> {
    return this.records.insert(session);
  }

  update(id: string, change: SessionChange): Promise<SessionRecord | undefined> {
    return this.records.update(id, change);
  }

  delete(id: string): Promise<boolean> {
    return this.records.delete(id);
  }
}
