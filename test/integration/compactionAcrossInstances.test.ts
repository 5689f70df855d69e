import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { boardRecords } from '../../shared/boardLayout.js';
import { createLogger } from '../../server/logger.js';
import { createPool } from '../../server/storage/createStores.js';
import { PgBoardStore } from '../../server/storage/PgBoardStore.js';
import { createSession } from '../helpers/api.js';
import { createTestSchema, hasScaleOut, TEST_REDIS_URL, type TestSchema } from '../helpers/engines.js';
import { removeDataDir, startTestServer, type TestServer } from '../helpers/startTestServer.js';
import { connectYjsClient, eventually, fakeNote, whenSynced } from '../helpers/yjsClient.js';

describe.skipIf(!hasScaleOut)('two instances compacting the same board while both write to it', () => {
  let schema: TestSchema;
  let first: TestServer;
  let second: TestServer;
  let pool: pg.Pool;

  beforeAll(async () => {
    schema = await createTestSchema();
    // A tiny threshold: nearly every flush of either instance compacts.
    const shared = { databaseUrl: schema.url, redisUrl: TEST_REDIS_URL, persistFlushIntervalMs: 10, compactAfterBytes: 500 };
    [first, second] = await Promise.all([startTestServer(shared), startTestServer(shared)]);
    pool = createPool(schema.url, createLogger({ logLevel: 'silent' }));
  });

  afterAll(async () => {
    await Promise.all([first.close(), second.close()]);
    await pool.end();
    await Promise.all([removeDataDir(first.dataDir), removeDataDir(second.dataDir), schema.drop()]);
  });

  it('keeps every edit of both in PostgreSQL', async () => {
    const session = await createSession(first.url);
    const a = connectYjsClient(first.wsUrl, session.id, { token: session.access.token });
    const b = connectYjsClient(second.wsUrl, session.id, { token: session.access.token });
    try {
      await Promise.all([whenSynced(a), whenSynced(b)]);
      for (let i = 0; i < 60; i++) {
        a.records.set(`shape:a${i}`, fakeNote(`a${i}`, `de A ${i}`));
        b.records.set(`shape:b${i}`, fakeNote(`b${i}`, `de B ${i}`));
        if (i % 10 === 0) await new Promise((r) => setTimeout(r, 15));
      }
      await eventually(() => {
        expect(a.records.size).toBe(b.records.size);
        expect(a.records.get('shape:b59')).toBeDefined();
        expect(b.records.get('shape:a59')).toBeDefined();
      });
      const expected = a.records.toJSON();
      await eventually(async () => {
        const doc = new Y.Doc();
        for (const update of (await new PgBoardStore(pool).load(session.id)) ?? []) Y.applyUpdate(doc, update);
        expect(boardRecords(doc).toJSON()).toEqual(expected);
      });
    } finally {
      a.destroy();
      b.destroy();
    }
  });
});
