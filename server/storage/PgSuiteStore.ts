/** Suites in PostgreSQL: one JSON record per session in the `suites` collection of `metadata_records` (no table of their own). */
import type { Pool } from 'pg';
import { PgRecordCollection } from './PgRecordCollection.js';
import type { SessionSuites, StoredSuite, SuiteStore } from './SuiteStore.js';

const UNIQUE_VIOLATION = '23505';

export class PgSuiteStore implements SuiteStore {
  private readonly records: PgRecordCollection<SessionSuites>;

  constructor(pool: Pool) {
    this.records = new PgRecordCollection(pool, 'suites');
  }

  async list(sessionId: string): Promise<StoredSuite[]> {
    return (await this.records.get(sessionId))?.suites ?? [];
  }

  /** Under the collection's row lock; a session's first suite inserts, and a lost insert race retries as an update. */
  async update(sessionId: string, change: (current: StoredSuite[]) => StoredSuite[]): Promise<StoredSuite[]> {
    const updated = await this.records.update(sessionId, (current) => ({ suites: change(current.suites) }));
    if (updated) return updated.suites;
    const next: SessionSuites = { id: sessionId, suites: change([]) };
    try {
      await this.records.insert(next);
      return next.suites;
    } catch (error) {
      if ((error as { code?: string }).code !== UNIQUE_VIOLATION) throw error;
      return this.update(sessionId, change);
    }
  }

  async delete(sessionId: string): Promise<void> {
    await this.records.delete(sessionId);
  }
}
