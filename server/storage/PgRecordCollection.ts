/**
 * One collection of metadata records in PostgreSQL (`metadata_records`),
 * each record a JSON document keyed by its id. The collection name is the
 * array's key in the embedded lowdb file (`sessions` in `trame.json`), which
 * is how the embedded-to-PostgreSQL migration finds where records go.
 */
import type { Pool } from 'pg';

export class PgRecordCollection<T extends { id: string }> {
  constructor(
    private readonly pool: Pool,
    readonly collection: string,
  ) {}

  /** Every record, in insertion order. */
  async list(): Promise<T[]> {
    const { rows } = await this.pool.query<{ data: T }>(
      'SELECT data FROM metadata_records WHERE collection = $1 ORDER BY seq',
      [this.collection],
    );
    return rows.map((r) => r.data);
  }

  async get(id: string): Promise<T | undefined> {
    const { rows } = await this.pool.query<{ data: T }>(
      'SELECT data FROM metadata_records WHERE collection = $1 AND id = $2',
      [this.collection, id],
    );
    return rows[0]?.data;
  }

  /** Fails if a record with this id exists. */
  async insert(record: T): Promise<void> {
    await this.pool.query('INSERT INTO metadata_records (collection, id, data) VALUES ($1, $2, $3)', [
      this.collection,
      record.id,
      JSON.stringify(record),
    ]);
  }

  /** Inserts, or replaces the whole record with the same id, in one statement (safe against a concurrent insert). */
  async upsert(record: T): Promise<void> {
    await this.pool.query(
      `INSERT INTO metadata_records (collection, id, data) VALUES ($1, $2, $3)
       ON CONFLICT (collection, id) DO UPDATE SET data = EXCLUDED.data`,
      [this.collection, record.id, JSON.stringify(record)],
    );
  }

  /** Read-modify-write under a row lock: concurrent changes, even from other instances, apply one after the other. */
  async update(id: string, change: (current: T) => Partial<Omit<T, 'id'>>): Promise<T | undefined> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const { rows } = await client.query<{ data: T }>(
        'SELECT data FROM metadata_records WHERE collection = $1 AND id = $2 FOR UPDATE',
        [this.collection, id],
      );
      const current = rows[0]?.data;
      if (!current) {
        await client.query('ROLLBACK');
        return undefined;
      }
      const next = { ...current, ...change(current), id };
      await client.query('UPDATE metadata_records SET data = $3 WHERE collection = $1 AND id = $2', [
        this.collection,
        id,
        JSON.stringify(next),
      ]);
      await client.query('COMMIT');
      return next;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async delete(id: string): Promise<boolean> {
    const { rowCount } = await this.pool.query('DELETE FROM metadata_records WHERE collection = $1 AND id = $2', [
      this.collection,
      id,
    ]);
    return (rowCount ?? 0) > 0;
  }
}
