import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../server/logger.js';
import { createPool } from '../../server/storage/createStores.js';
import type { FacilitationRecord } from '../../server/realtime/facilitationRecord.js';
import type { FacilitationStore } from '../../server/storage/FacilitationStore.js';
import { LowFacilitationStore } from '../../server/storage/LowFacilitationStore.js';
import { PgFacilitationStore } from '../../server/storage/PgFacilitationStore.js';
import { readEmbeddedCollections } from '../../server/storage/readEmbeddedData.js';
import { runMigrations } from '../../server/storage/runMigrations.js';
import { createTestSchema, hasPostgres, type TestSchema } from '../helpers/engines.js';
import { makeDataDir, removeDataDir } from '../helpers/startTestServer.js';

const log = createLogger({ logLevel: 'silent' });
let schema: TestSchema;
let pool: pg.Pool;
let dataDir: string;

beforeAll(async () => {
  dataDir = await makeDataDir();
  if (!hasPostgres) return;
  schema = await createTestSchema();
  pool = createPool(schema.url, log);
  await runMigrations(pool);
});
afterAll(async () => {
  await removeDataDir(dataDir);
  if (!hasPostgres) return;
  await pool.end();
  await schema.drop();
});

const initial = (): FacilitationRecord => ({
  timer: null,
  currentStepId: null,
  paused: false,
  privateWriting: false,
  follow: null,
  vote: null,
  privateNotes: {},
});
let counter = 0;
const freshId = () => `session-${counter++}`;

const engines: [string, () => Promise<FacilitationStore>][] = [
  ['lowdb', () => LowFacilitationStore.open(dataDir)],
  ...(hasPostgres ? [['PostgreSQL', async () => new PgFacilitationStore(pool)] as [string, () => Promise<FacilitationStore>]] : []),
];

describe.each(engines)('the %s facilitation store', (_name, open) => {
  it('starts a session from its initial record and keeps every change', async () => {
    const store = await open();
    const id = freshId();
    expect(await store.get(id)).toBeUndefined();
    await store.update(id, initial, (r) => ({ ...r, paused: true }));
    await store.update(id, initial, (r) => ({ ...r, privateWriting: true }));
    expect(await (await open()).get(id)).toMatchObject({ paused: true, privateWriting: true });
  });

  it('applies concurrent changes one after the other, and writes nothing when a change throws', async () => {
    const store = await open();
    const id = freshId();
    const logStep = (n: number) => (r: FacilitationRecord) => ({
      ...r,
      stepLog: [...(r.stepLog ?? []), { stepId: String(n), startedAt: n, endedAt: null }],
    });
    await Promise.all([1, 2, 3, 4, 5].map((n) => store.update(id, initial, logStep(n))));
    expect((await store.get(id))?.stepLog).toHaveLength(5);
    await expect(
      store.update(id, initial, () => {
        throw new Error('refusé');
      }),
    ).rejects.toThrow('refusé');
    expect((await store.get(id))?.stepLog).toHaveLength(5);
    await store.delete(id);
    expect(await store.get(id)).toBeUndefined();
  });
});

it('writes the lowdb file as a collection the embedded-to-PostgreSQL migration can read', async () => {
  const store = await LowFacilitationStore.open(dataDir);
  await store.update('migrated', initial, (r) => ({ ...r, paused: true }));
  const collections = await readEmbeddedCollections(dataDir);
  const facilitation = collections.find((c) => c.name === 'facilitation');
  expect(facilitation?.records.find((r) => r.id === 'migrated')).toMatchObject({ paused: true });
});
