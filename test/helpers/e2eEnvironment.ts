import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from './browser.js';
import { builtClientDir } from './clientDir.js';
import { removeDataDir, startTestServer, type TestServer } from './startTestServer.js';

export interface E2eEnvironment {
  /** The server serving the built client; replace it after `restart()`. */
  t: TestServer;
  browser: Browser;
}

/** A server with the built client and one Chromium for the whole file, closed and cleaned after it. */
export function e2eEnvironment(): E2eEnvironment {
  const env = {} as E2eEnvironment;
  beforeAll(async () => {
    env.t = await startTestServer({ clientDir: builtClientDir() });
    env.browser = await launchBrowser();
  });
  afterAll(async () => {
    await env.browser?.close();
    await env.t?.close();
    if (env.t) await removeDataDir(env.t.dataDir);
  });
  return env;
}
