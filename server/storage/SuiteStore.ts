import type { Suite } from '../../shared/suites.js';

/** A suite as stored: who wrote its source notes is kept for their own view, never shown to anyone else. */
export interface StoredSuite extends Suite {
  authorIds: string[];
  /**
   * Where `location` came from, kept so that a withdrawal drops only a point its notes gave: absent for the
   * centre of the suite's pins (at creation, and suites stored before), `typed` for the facilitator's
   * degrees, else the id of the note it was taken from.
   */
  pointFrom?: string;
}

/** As stored: one record per session, keyed by the session's id. */
export interface SessionSuites {
  id: string;
  suites: StoredSuite[];
}

/** The persistence port for a session's suites. */
export interface SuiteStore {
  list(sessionId: string): Promise<StoredSuite[]>;
  /** Atomic read-modify-write of the session's suites; if `change` throws, nothing is written. */
  update(sessionId: string, change: (current: StoredSuite[]) => StoredSuite[]): Promise<StoredSuite[]>;
  delete(sessionId: string): Promise<void>;
}
