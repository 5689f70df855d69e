import { afterAll, beforeAll } from 'vitest';
import type { Config } from '../../server/config.js';
import { createTestSchema, TEST_REDIS_URL, type TestSchema } from './engines.js';
import { removeDataDir, startTestServer, type TestServer } from './startTestServer.js';

/**
 * Two real servers on port 0 for a whole test file, sharing a fresh
 * PostgreSQL schema and the machine's Redis; closed, their data folders
 * removed and the schema dropped after it. `overrides` apply to both.
 */
export function twoInstancesPerFile(overrides: Partial<Config> = {}): { first: TestServer; second: TestServer } {
  const env = {} as { first: TestServer; second: TestServer; schema: TestSchema };
  beforeAll(async () => {
    env.schema = await createTestSchema();
    const shared = { ...overrides, databaseUrl: env.schema.url, redisUrl: TEST_REDIS_URL, persistFlushIntervalMs: 20 };
    [env.first, env.second] = await Promise.all([startTestServer(shared), startTestServer(shared)]);
  });
  afterAll(async () => {
    await Promise.all([env.first?.close(), env.second?.close()]);
    await Promise.all([
      env.first && removeDataDir(env.first.dataDir),
      env.second && removeDataDir(env.second.dataDir),
      env.schema?.drop(),
    ]);
  });
  return env;
}
