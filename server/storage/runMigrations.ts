/**
 * Brings the PostgreSQL schema to the version this code expects, from the
 * numbered SQL files in `migrations/`. Everything runs in one transaction
 * under an advisory lock, so instances starting together apply each file
 * once, and a failing file leaves the schema as it was.
 */
import { promises as fs } from 'node:fs';
import type { Pool } from 'pg';

const MIGRATIONS_DIR = new URL('./migrations/', import.meta.url);
const FILE_NAME = /^(\d{3})_[a-z0-9_]+\.sql$/;
/** Any constant shared by every Trame instance; "trame" in ASCII. */
const LOCK_KEY = 0x7472616d65;

interface Migration {
  version: number;
  name: string;
  sql: string;
}

async function readMigrations(): Promise<Migration[]> {
  const names = (await fs.readdir(MIGRATIONS_DIR)).filter((n) => n.endsWith('.sql')).sort();
  const migrations: Migration[] = [];
  for (const name of names) {
    const match = FILE_NAME.exec(name);
    if (!match) throw new Error(`Migration mal nommée : ${name} (attendu : 001_description.sql)`);
    const version = Number(match[1]);
    if (version !== migrations.length + 1) {
      throw new Error(`Migrations non consécutives : ${name} devrait porter le numéro ${migrations.length + 1}`);
    }
    migrations.push({ version, name, sql: await fs.readFile(new URL(name, MIGRATIONS_DIR), 'utf8') });
  }
  return migrations;
}

/** Applies the missing migrations; resolves with the names of those applied. */
export async function runMigrations(pool: Pool): Promise<string[]> {
  const known = await readMigrations();
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [LOCK_KEY]);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_migrations');
    const applied = new Set(rows.map((r) => r.version));
    const newest = Math.max(0, ...applied);
    if (newest > known.length) {
      throw new Error(
        `La base de données est au schéma ${newest}, plus récent que cette version de Trame (${known.length}) : mettez Trame à jour.`,
      );
    }
    const done: string[] = [];
    for (const migration of known) {
      if (applied.has(migration.version)) continue;
      await client.query(migration.sql);
      await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
        migration.version,
        migration.name,
      ]);
      done.push(migration.name);
    }
    await client.query('COMMIT');
    return done;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
