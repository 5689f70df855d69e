import type pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { boardRecords } from '../../shared/boardLayout.js';
import { createLogger } from '../../server/logger.js';
import { createPool } from '../../server/storage/createStores.js';
import { PgBoardStore } from '../../server/storage/PgBoardStore.js';
import { createSession, type CreatedSession } from '../helpers/api.js';
import { createTestSchema, hasScaleOut, TEST_REDIS_URL, type TestSchema } from '../helpers/engines.js';
import { removeDataDir, startTestServer, type TestServer } from '../helpers/startTestServer.js';
import { startTcpProxy, type TcpProxy } from '../helpers/tcpProxy.js';
import { connectYjsClient, eventually, fakeNote, whenSynced, withText, type YjsClient } from '../helpers/yjsClient.js';

async function health(t: TestServer) {
  const res = await fetch(`${t.url}/api/health`);
  return { code: res.status, body: await res.json() };
}

describe.skipIf(!hasScaleOut)('an outage of PostgreSQL or Redis', () => {
  let schema: TestSchema;
  let pgProxy: TcpProxy;
  let redisProxy: TcpProxy;
  let first: TestServer;
  let second: TestServer;
  let pool: pg.Pool;
  let session: CreatedSession;
  let a: YjsClient;
  let b: YjsClient;

  beforeEach(async () => {
    schema = await createTestSchema();
    pgProxy = await startTcpProxy(schema.url);
    redisProxy = await startTcpProxy(TEST_REDIS_URL);
    const shared = { databaseUrl: pgProxy.url, redisUrl: redisProxy.url, persistFlushIntervalMs: 20 };
    [first, second] = await Promise.all([startTestServer(shared), startTestServer(shared)]);
    pool = createPool(schema.url, createLogger({ logLevel: 'silent' }));
    session = await createSession(first.url);
    a = connectYjsClient(first.wsUrl, session.id, { token: session.access.token });
    b = connectYjsClient(second.wsUrl, session.id, { token: session.access.token });
    await Promise.all([whenSynced(a), whenSynced(b)]);
  });

  afterEach(async () => {
    a.destroy();
    b.destroy();
    await Promise.all([pgProxy.restore().catch(() => undefined), redisProxy.restore().catch(() => undefined)]);
    await Promise.all([first.close(), second.close()]);
    await Promise.all([pgProxy.close(), redisProxy.close(), pool.end()]);
    await Promise.all([removeDataDir(first.dataDir), removeDataDir(second.dataDir), schema.drop()]);
  });

  it('is reported by the health check with 503, and its end too', async () => {
    expect(await health(first)).toMatchObject({ code: 200, body: { database: { status: 'ok' }, redis: { status: 'ok' } } });
    await redisProxy.cut();
    await eventually(async () => expect(await health(first)).toMatchObject({ code: 503, body: { redis: { status: 'down' } } }));
    await pgProxy.cut();
    await eventually(async () =>
      expect(await health(first)).toMatchObject({ code: 503, body: { database: { status: 'down' } } }),
    );
    await Promise.all([redisProxy.restore(), pgProxy.restore()]);
    await eventually(async () => expect((await health(first)).code).toBe(200), 15_000);
  });

  it('loses no edit made while Redis is away: each instance catches up from PostgreSQL when it is back', async () => {
    await redisProxy.cut();
    a.records.set('shape:a', fakeNote('a', 'pendant la panne, chez A'));
    b.records.set('shape:b', fakeNote('b', 'pendant la panne, chez B'));
    await new Promise((r) => setTimeout(r, 200));
    await redisProxy.restore();
    await eventually(() => {
      expect(a.records.get('shape:b')).toBeDefined();
      expect(b.records.get('shape:a')).toBeDefined();
    }, 15_000);
  });

  it('loses no edit made while PostgreSQL is away: the instance keeps it and stores it when it is back', async () => {
    await pgProxy.cut();
    a.records.set('shape:held', fakeNote('held', 'gardé en mémoire'));
    await eventually(async () => expect((await health(first)).body.storage.status).toBe('degraded'));
    // Stored nowhere yet, so not relayed either: the other instance would otherwise hold what PostgreSQL lacks.
    expect(b.records.has('shape:held')).toBe(false);
    await pgProxy.restore();
    await eventually(() => expect(b.records.get('shape:held')).toBeDefined(), 15_000);
    const doc = new Y.Doc();
    for (const update of (await new PgBoardStore(pool).load(session.id)) ?? []) Y.applyUpdate(doc, update);
    expect(boardRecords(doc).get('shape:held')).toMatchObject(withText('gardé en mémoire'));
  });
});
