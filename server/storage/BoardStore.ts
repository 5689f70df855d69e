/**
 * The persistence port for boards: the sync code depends on this and nothing
 * else, so another engine (PostgreSQL) can be plugged in without touching it.
 * Every method resolves once the data is durable (survives a kill -9 of the
 * process); a rejection means nothing was written and the caller keeps the
 * data to retry.
 */
export interface BoardStore {
  /** Every stored update of a board, oldest first, or `null` if it was never created. */
  load(boardId: string): Promise<Uint8Array[] | null>;
  /** Creates a board from its initial state; fails if it exists. */
  create(boardId: string, initialState: Uint8Array): Promise<void>;
  /** Appends one (possibly merged) update to the board's log. */
  append(boardId: string, update: Uint8Array): Promise<void>;
  /** Replaces the board's whole history by one state (compaction). */
  replace(boardId: string, state: Uint8Array): Promise<void>;
  /** Bytes of updates appended since the last compaction. */
  pendingLogBytes(boardId: string): Promise<number>;
  delete(boardId: string): Promise<void>;
  close(): Promise<void>;
}
