import type { FacilitationRecord } from '../realtime/facilitationRecord.js';

/** As stored: keyed by the session's id. */
export type StoredFacilitation = FacilitationRecord & { id: string };

/** The persistence port for facilitation state, one record per session. */
export interface FacilitationStore {
  get(sessionId: string): Promise<FacilitationRecord | undefined>;
  /**
   * Atomic read-modify-write: `change` receives the current record (or
   * `initial` if there is none yet) and returns the new one; if it throws,
   * nothing is written.
   */
  update(
    sessionId: string,
    initial: () => FacilitationRecord,
    change: (current: FacilitationRecord) => FacilitationRecord,
  ): Promise<FacilitationRecord>;
  delete(sessionId: string): Promise<void>;
}
