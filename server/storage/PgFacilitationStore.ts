/** Facilitation state in PostgreSQL, one JSON record per session in the `facilitation` collection. */
import type { Pool } from 'pg';
import { PgRecordCollection } from './PgRecordCollection.js';
import type { FacilitationRecord } from '../realtime/facilitationRecord.js';
import type { FacilitationStore, StoredFacilitation } from './FacilitationStore.js';

const UNIQUE_VIOLATION = '23505';

export class PgFacilitationStore implements FacilitationStore {
  private readonly records: PgRecordCollection<StoredFacilitation>;

  constructor(pool: Pool) {
    this.records = new PgRecordCollection(pool, 'facilitation');
  }

  get(sessionId: string): Promise<FacilitationRecord | undefined> {
    return this.records.get(sessionId);
  }

  /** Under the collection's row lock; the first write of a session inserts, and a lost insert race retries as an update. */
  async update(
    sessionId: string,
    initial: () => FacilitationRecord,
    change: (current: FacilitationRecord) => FacilitationRecord,
  ): Promise<FacilitationRecord> {
    const updated = await this.records.update(sessionId, change);
    if (updated) return updated;
    const next: StoredFacilitation = { ...change(initial()), id: sessionId };
    try {
      await this.records.insert(next);
      return next;
    } catch (error) {
      if ((error as { code?: string }).code !== UNIQUE_VIOLATION) throw error;
      return this.update(sessionId, initial, change);
    }
  }

  async delete(sessionId: string): Promise<void> {
    await this.records.delete(sessionId);
  }
}
