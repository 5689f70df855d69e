import type pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { createLogger } from '../../server/logger.js';
import { createPool } from '../../server/storage/createStores.js';
import { runMigrations } from '../../server/storage/runMigrations.js';
import { createTestSchema, hasPostgres, type TestSchema } from './engines.js';
import { makeDataDir, removeDataDir } from './startTestServer.js';

/**
 * What the stores' contract tests open their stores on, for a whole file: a data folder for the embedded
 * stores and, when PostgreSQL runs, a migrated schema of its own with a pool; both removed after the file.
 */
export function storesPerFile(): { dataDir: string; pool: pg.Pool } {
  const env = {} as { dataDir: string; pool: pg.Pool };
  let schema: TestSchema | undefined;
  beforeAll(async () => {
    env.dataDir = await makeDataDir();
    if (!hasPostgres) return;
    schema = await createTestSchema();
    env.pool = createPool(schema.url, createLogger({ logLevel: 'silent' }));
    await runMigrations(env.pool);
  });
  afterAll(async () => {
    await removeDataDir(env.dataDir);
    if (!schema) return;
    await env.pool.end();
    await schema.drop();
  });
  return env;
}
