/**
 * The PostgreSQL and Redis the scale-out tests use, as found or started by
 * the global setup (test/setup/testEngines.ts): null when neither reachable
 * nor startable here, and the tests needing it are then skipped (`describe.skipIf`).
 * Each test file gets its own PostgreSQL schema (through `search_path` in the
 * URL), so files running in parallel never see each other's tables; it is
 * dropped afterwards.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, inject } from 'vitest';
import type { Config } from '../../server/config.js';

export interface TestEngines {
  databaseUrl: string | null;
  redisUrl: string | null;
}

declare module 'vitest' {
  export interface ProvidedContext {
    testEngines: TestEngines;
  }
}

// The benchmarks import this outside vitest: they use the machine's engines as the environment names them.
const engines: TestEngines = process.env.VITEST
  ? inject('testEngines')
  : {
      databaseUrl: process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
      redisUrl: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
    };
export const hasPostgres = engines.databaseUrl !== null;
export const hasRedis = engines.redisUrl !== null;
/** Several instances need both. */
export const hasScaleOut = hasPostgres && hasRedis;
/** Only read in tests that are skipped without them. */
export const TEST_DATABASE_URL = engines.databaseUrl ?? 'postgres://unavailable';
export const TEST_REDIS_URL = engines.redisUrl ?? 'redis://unavailable';

export interface TestSchema {
  name: string;
  /** DATABASE_URL whose connections use this schema only. */
  url: string;
  drop(): Promise<void>;
}

export async function createTestSchema(): Promise<TestSchema> {
  const name = `trame_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE SCHEMA ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(TEST_DATABASE_URL);
  url.searchParams.set('options', `-c search_path=${name}`);
  return {
    name,
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await client.connect();
      try {
        await client.query(`DROP SCHEMA ${name} CASCADE`);
      } finally {
        await client.end();
      }
    },
  };
}

/**
 * The two storage engines a behaviour is checked on, for `describe.each`:
 * embedded, and PostgreSQL in a schema of this file's own (created before
 * its tests, dropped after).
 */
export function storageEngines(): [string, () => Partial<Config>][] {
  let schema: TestSchema | undefined;
  beforeAll(async () => {
    schema = await createTestSchema();
  });
  afterAll(() => schema?.drop());
  return [
    ['embedded', () => ({})],
    ['PostgreSQL', () => ({ databaseUrl: schema!.url })],
  ];
}
