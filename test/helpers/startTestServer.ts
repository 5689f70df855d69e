import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { defaultConfig, type Config } from '../../server/config.js';
import { createServer, type ServerDeps, type TrameServer } from '../../server/createServer.js';
import { createLogger } from '../../server/logger.js';

export interface TestServer {
  server: TrameServer;
  url: string;
  wsUrl: string;
  port: number;
  dataDir: string;
  config: Config;
  /** Closes gracefully (flushing boards) and starts a new server on the same data folder. */
  restart(): Promise<TestServer>;
  close(): Promise<void>;
}

export async function makeDataDir(): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), 'trame-test-'));
}

export async function startTestServer(overrides: Partial<Config> = {}, deps: ServerDeps = {}): Promise<TestServer> {
  const dataDir = overrides.dataDir ?? (await makeDataDir());
  const config: Config = {
    ...defaultConfig,
    port: 0,
    host: '127.0.0.1',
    clientDir: undefined,
    logLevel: (process.env.TEST_LOG_LEVEL as Config['logLevel']) ?? 'silent',
    ...overrides,
    dataDir,
  };
  const server = await createServer(config, createLogger(config), deps);
  const port = await server.listen();
  const testServer: TestServer = {
    server,
    port,
    dataDir,
    config,
    url: `http://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${port}/yjs`,
    async restart() {
      await server.close();
      // Same port: browsers keep their per-origin storage (tokens) across the restart.
      return startTestServer({ ...overrides, dataDir, port }, deps);
    },
    close: () => server.close(),
  };
  return testServer;
}

export async function removeDataDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}
