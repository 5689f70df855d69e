/**
 * The two storage engines a feature must work on, for `describe.each`: the embedded one (files and lowdb)
 * and PostgreSQL (a schema of its own per server, dropped afterwards; skipped when no PostgreSQL is found).
 */
import type { Config } from '../../server/config.js';
import { createTestSchema, hasPostgres } from './engines.js';
import { removeDataDir, startTestServer, type TestServer } from './startTestServer.js';

export interface StorageEngine {
  name: string;
  skip: boolean;
  /** A server on this engine; `cleanup` gets what to undo after the file (data folder, schema). */
  start(cleanup: (() => Promise<unknown>)[], overrides?: Partial<Config>): Promise<TestServer>;
}

export const STORAGE_ENGINES: StorageEngine[] = [
  {
    name: 'the embedded engine (lowdb)',
    skip: false,
    async start(cleanup, overrides = {}) {
      const t = await startTestServer(overrides);
      cleanup.push(() => removeDataDir(t.dataDir));
      return t;
    },
  },
  {
    name: 'PostgreSQL',
    skip: !hasPostgres,
    async start(cleanup, overrides = {}) {
      const schema = await createTestSchema();
      cleanup.push(() => schema.drop());
      const t = await startTestServer({ ...overrides, databaseUrl: schema.url });
      cleanup.push(() => removeDataDir(t.dataDir));
      return t;
    },
  },
];
