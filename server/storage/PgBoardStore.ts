/**
 * Board storage in PostgreSQL, shared by every instance: a board's history
 * is rows of Yjs updates in `board_updates`, oldest first. A row is durable
 * once its INSERT commits, as a file append is once written.
 *
 * Unlike the embedded store, several instances append to the same board, so
 * the state given to `replace` may miss rows another instance appended
 * meanwhile: compaction merges them into the snapshot instead of deleting
 * them, under a lock on the board row that holds other appends back.
 */
import type { Pool } from 'pg';
import * as Y from 'yjs';
import type { BoardStore } from './BoardStore.js';

const SAFE_ID = /^[A-Za-z0-9_-]{1,64}$/;

function checkId(boardId: string): string {
  if (!SAFE_ID.test(boardId)) throw new Error(`Identifiant de tableau invalide : ${boardId}`);
  return boardId;
}

export class PgBoardStore implements BoardStore {
  constructor(private readonly pool: Pool) {}

  async load(boardId: string): Promise<Uint8Array[] | null> {
    const { rows } = await this.pool.query<{ data: Buffer | null }>(
      `SELECT u.data FROM boards b LEFT JOIN board_updates u ON u.board_id = b.id
       WHERE b.id = $1 ORDER BY u.seq`,
      [checkId(boardId)],
    );
    if (rows.length === 0) return null;
    return rows.flatMap((r) => (r.data ? [new Uint8Array(r.data)] : []));
  }

  async create(boardId: string, initialState: Uint8Array): Promise<void> {
    await this.pool.query(
      `WITH b AS (INSERT INTO boards (id) VALUES ($1) RETURNING id)
       INSERT INTO board_updates (board_id, is_snapshot, data) SELECT id, true, $2::bytea FROM b`,
      [checkId(boardId), bytes(initialState)],
    );
  }

  async append(boardId: string, update: Uint8Array): Promise<void> {
    const { rowCount } = await this.pool.query(
      `WITH b AS (UPDATE boards SET pending_bytes = pending_bytes + octet_length($2::bytea) WHERE id = $1 RETURNING id)
       INSERT INTO board_updates (board_id, data) SELECT id, $2::bytea FROM b`,
      [checkId(boardId), bytes(update)],
    );
    if (rowCount === 0) throw new Error(`Tableau inconnu : ${boardId}`);
  }

  async replace(boardId: string, state: Uint8Array): Promise<void> {
    checkId(boardId);
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const locked = await client.query('SELECT 1 FROM boards WHERE id = $1 FOR UPDATE', [boardId]);
      if (locked.rowCount === 0) throw new Error(`Tableau inconnu : ${boardId}`);
      const { rows } = await client.query<{ data: Buffer }>(
        'SELECT data FROM board_updates WHERE board_id = $1 ORDER BY seq',
        [boardId],
      );
      const snapshot = mergeIntoState(state, rows.map((r) => r.data));
      await client.query('DELETE FROM board_updates WHERE board_id = $1', [boardId]);
      await client.query('INSERT INTO board_updates (board_id, is_snapshot, data) VALUES ($1, true, $2)', [
        boardId,
        bytes(snapshot),
      ]);
      await client.query('UPDATE boards SET pending_bytes = 0 WHERE id = $1', [boardId]);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async pendingLogBytes(boardId: string): Promise<number> {
    const { rows } = await this.pool.query<{ pending_bytes: string }>(
      'SELECT pending_bytes FROM boards WHERE id = $1',
      [checkId(boardId)],
    );
    return Number(rows[0]?.pending_bytes ?? 0);
  }

  async delete(boardId: string): Promise<void> {
    await this.pool.query('DELETE FROM boards WHERE id = $1', [checkId(boardId)]);
  }

  /** The pool belongs to whoever created it (it also serves the session store). */
  async close(): Promise<void> {}
}

/** pg sends a Buffer as bytea; the same bytes without a copy. */
function bytes(data: Uint8Array): Buffer {
  return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
}

/** One state holding `state` and every stored row; rows already in `state` change nothing (updates are idempotent). */
function mergeIntoState(state: Uint8Array, rows: Uint8Array[]): Uint8Array {
  const doc = new Y.Doc();
  try {
    Y.transact(doc, () => {
      for (const row of rows) Y.applyUpdate(doc, row);
      Y.applyUpdate(doc, state);
    });
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}
