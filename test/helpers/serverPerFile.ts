import { afterAll, beforeAll } from 'vitest';
import type { Config } from '../../server/config.js';
import { removeDataDir, startTestServer, type TestServer } from './startTestServer.js';

/** One real server on port 0 for a whole test file, closed and its data folder removed after it. */
export function serverPerFile(overrides: Partial<Config> = {}): { t: TestServer } {
  const env = {} as { t: TestServer };
  beforeAll(async () => {
    env.t = await startTestServer(overrides);
  });
  afterAll(async () => {
    await env.t?.close();
    if (env.t) await removeDataDir(env.t.dataDir);
  });
  return env;
}
