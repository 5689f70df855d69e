/**
 * Runs on its own after the rest of `npm test`: the engines it starts disturbed the scale-out tests running beside it
 * (a cross-instance broadcast went missing while they ran).
 */
import net from 'node:net';
import pg from 'pg';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { TestProject } from 'vitest/node';
import type { TestEngines } from '../helpers/engines.js';
import setupTestEngines from '../setup/testEngines.js';

/** A port nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('the scale-out tests with PostgreSQL and Redis unreachable', () => {
  const saved = { db: process.env.TEST_DATABASE_URL, redis: process.env.TEST_REDIS_URL, ci: process.env.CI };
  afterAll(() => {
    for (const [key, value] of [['TEST_DATABASE_URL', saved.db], ['TEST_REDIS_URL', saved.redis], ['CI', saved.ci]] as const) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  });

  it('start their own engines, or name what they skip in one line at the end', async () => {
    process.env.TEST_DATABASE_URL = `postgres://postgres@127.0.0.1:${await closedPort()}/test`;
    process.env.TEST_REDIS_URL = `redis://127.0.0.1:${await closedPort()}`;
    delete process.env.CI;
    let provided: TestEngines | undefined;
    const project = { provide: (_key: string, value: TestEngines) => (provided = value) } as unknown as TestProject;
    const teardown = await setupTestEngines(project);
    const printed = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      expect(provided!.databaseUrl).not.toBe(process.env.TEST_DATABASE_URL);
      expect(provided!.redisUrl).not.toBe(process.env.TEST_REDIS_URL);
      if (provided!.databaseUrl) {
        const client = new pg.Client({ connectionString: provided!.databaseUrl });
        await client.connect();
        expect((await client.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
        await client.end();
      }
      await teardown();
      const lines = printed.mock.calls.map((call) => String(call[0]));
      if (provided!.databaseUrl && provided!.redisUrl) expect(lines).toEqual([]);
      else expect(lines).toEqual([expect.stringMatching(/^\nSkipped: the scale-out tests needing (PostgreSQL|Redis) \(/)]);
    } finally {
      printed.mockRestore();
    }
  });
});
