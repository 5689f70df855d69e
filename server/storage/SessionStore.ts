import type { SessionRecord } from '../sessions/sessionRecord.js';

export type SessionChange = (current: SessionRecord) => Partial<Omit<SessionRecord, 'id'>>;

/** The persistence port for session metadata. */
export interface SessionStore {
  list(): Promise<SessionRecord[]>;
  get(id: string): Promise<SessionRecord | undefined>;
  insert(session: SessionRecord): Promise<void>;
  /**
   * Atomic read-modify-write: `change` receives the current record and returns
   * the fields to change, so concurrent joins cannot overwrite each other.
   */
  update(id: string, change: SessionChange): Promise<SessionRecord | undefined>;
  delete(id: string): Promise<boolean>;
}
