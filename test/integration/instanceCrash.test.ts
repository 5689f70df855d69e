import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import * as Y from 'yjs';
import { boardRecords } from '../../shared/boardLayout.js';
import { createLogger } from '../../server/logger.js';
import { createPool } from '../../server/storage/createStores.js';
import { PgBoardStore } from '../../server/storage/PgBoardStore.js';
import { createSession } from '../helpers/api.js';
import { createTestSchema, hasScaleOut, TEST_REDIS_URL, type TestSchema } from '../helpers/engines.js';
import { spawnInstance, type SpawnedInstance } from '../helpers/spawnInstance.js';
import { makeDataDir, removeDataDir, startTestServer, type TestServer } from '../helpers/startTestServer.js';
import { connectYjsClient, eventually, fakeNote, whenSynced, withText, type YjsClient } from '../helpers/yjsClient.js';

describe.skipIf(!hasScaleOut)('kill -9 of one instance', () => {
  let schema: TestSchema;
  let survivor: TestServer;
  let victim: SpawnedInstance;
  let victimDataDir: string;
  let pool: pg.Pool;
  const clients: YjsClient[] = [];

  beforeAll(async () => {
    schema = await createTestSchema();
    victimDataDir = await makeDataDir();
    survivor = await startTestServer({ databaseUrl: schema.url, redisUrl: TEST_REDIS_URL });
    victim = await spawnInstance({
      DATABASE_URL: schema.url,
      REDIS_URL: TEST_REDIS_URL,
      DATA_DIR: victimDataDir,
      // Long enough that the last edits are surely still in the victim's memory when it dies.
      PERSIST_FLUSH_INTERVAL_MS: '1000',
    });
    pool = createPool(schema.url, createLogger({ logLevel: 'silent' }));
  });

  afterAll(async () => {
    for (const c of clients.splice(0)) c.destroy();
    await victim.kill();
    await survivor.close();
    await pool.end();
    await schema.drop();
    await Promise.all([removeDataDir(survivor.dataDir), removeDataDir(victimDataDir)]);
  });

  it('loses no edit: the survivor and PostgreSQL hold the stored ones, reconnecting clients bring the rest', async () => {
    const session = await createSession(survivor.url);
    const params = { token: session.access.token };
    const writer = connectYjsClient(victim.wsUrl, session.id, params);
    const watcher = connectYjsClient(victim.wsUrl, session.id, params);
    const onVictim = [writer, watcher];
    const onSurvivor = connectYjsClient(survivor.wsUrl, session.id, params);
    clients.push(...onVictim, onSurvivor);
    await Promise.all([...onVictim, onSurvivor].map((c) => whenSynced(c)));

    for (let i = 0; i < 10; i++) writer.records.set(`shape:stored${i}`, fakeNote(`stored${i}`, `enregistré ${i}`));
    // Seen on the other instance means appended to PostgreSQL: relaying follows storing.
    await eventually(() => expect(onSurvivor.records.get('shape:stored9')).toBeDefined());

    for (let i = 0; i < 10; i++) writer.records.set(`shape:unsaved${i}`, fakeNote(`unsaved${i}`, `en vol ${i}`));
    await eventually(() => expect(watcher.records.get('shape:unsaved9')).toBeDefined());
    await victim.kill();
    expect(storedRecords(await new PgBoardStore(pool).load(session.id))).not.toHaveProperty('shape:unsaved0');

    // The load balancer now sends these clients to the survivor.
    for (const c of onVictim) c.provider.serverUrl = survivor.wsUrl;
    await eventually(() => {
      for (let i = 0; i < 10; i++) {
        expect(onSurvivor.records.get(`shape:stored${i}`)).toBeDefined();
        expect(onSurvivor.records.get(`shape:unsaved${i}`)).toMatchObject(withText(`en vol ${i}`));
      }
    }, 20_000);
    await eventually(() => expect(writer.records.toJSON()).toEqual(onSurvivor.records.toJSON()));

    // And it is all in PostgreSQL, for whichever instance loads the board next.
    await survivor.server.registry.closeAll();
    expect(storedRecords(await new PgBoardStore(pool).load(session.id))).toEqual(writer.records.toJSON());
  });
});

function storedRecords(history: Uint8Array[] | null): Record<string, unknown> {
  const doc = new Y.Doc();
  for (const update of history ?? []) Y.applyUpdate(doc, update);
  return boardRecords(doc).toJSON();
}
