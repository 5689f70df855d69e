import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FacilitationRecord } from '../../server/realtime/facilitationRecord.js';
import type { FacilitationStore } from '../../server/storage/FacilitationStore.js';
import { LowFacilitationStore } from '../../server/storage/LowFacilitationStore.js';
import { PgFacilitationStore } from '../../server/storage/PgFacilitationStore.js';
import { readEmbeddedCollections } from '../../server/storage/readEmbeddedData.js';
import { hasPostgres } from '../helpers/engines.js';
import { makeDataDir, removeDataDir } from '../helpers/startTestServer.js';
import { storesPerFile } from '../helpers/storesPerFile.js';

const stores = storesPerFile();

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
  ['lowdb', () => LowFacilitationStore.open(stores.dataDir)],
  ...(hasPostgres ? [['PostgreSQL', async () => new PgFacilitationStore(stores.pool)] as [string, () => Promise<FacilitationStore>]] : []),
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

it('writes the embedded files as a collection the embedded-to-PostgreSQL migration can read', async () => {
  const store = await LowFacilitationStore.open(stores.dataDir);
  await store.update('migrated', initial, (r) => ({ ...r, paused: true }));
  const collections = await readEmbeddedCollections(stores.dataDir);
  const facilitation = collections.find((c) => c.name === 'facilitation');
  expect(facilitation?.records.find((r) => r.id === 'migrated')).toMatchObject({ paused: true });
});

describe('the embedded facilitation store, one file per session', () => {
  it("rewrites only the changed session's file", async () => {
    const store = await LowFacilitationStore.open(stores.dataDir);
    await store.update('atelier-a', initial, (r) => ({ ...r, paused: true }));
    await store.update('atelier-b', initial, (r) => ({ ...r, privateWriting: true }));
    const fileOf = (id: string) => path.join(stores.dataDir, 'facilitation', `${id}.json`);
    const before = await stat(fileOf('atelier-b'));
    await store.update('atelier-a', initial, (r) => ({ ...r, paused: false }));
    await store.update('atelier-a', initial, (r) => ({ ...r, privateWriting: true }));
    // A durable write replaces the file by a new one: the same inode means it was left alone.
    expect((await stat(fileOf('atelier-b'))).ino).toBe(before.ino);
    expect(JSON.parse(await readFile(fileOf('atelier-a'), 'utf8'))).toMatchObject({ id: 'atelier-a', paused: false, privateWriting: true });
    await store.delete('atelier-a');
    await expect(stat(fileOf('atelier-a'))).rejects.toThrow();
    expect(await store.get('atelier-b')).toMatchObject({ privateWriting: true });
  });

  it('opens a folder of an older version, its single facilitation.json split into one file per session, then removed', async () => {
    const older = await makeDataDir();
    try {
      const records = [
        { ...initial(), id: 'ancien-1', paused: true },
        { ...initial(), id: 'ancien-2', privateWriting: true },
      ];
      await writeFile(path.join(older, 'facilitation.json'), JSON.stringify({ version: 1, facilitation: records }));
      const store = await LowFacilitationStore.open(older);
      expect(await store.get('ancien-1')).toMatchObject({ paused: true, privateWriting: false });
      expect(await store.get('ancien-2')).toMatchObject({ paused: false, privateWriting: true });
      expect(await readdir(older)).not.toContain('facilitation.json');
      expect((await readdir(path.join(older, 'facilitation'))).sort()).toEqual(['ancien-1.json', 'ancien-2.json']);

      // A stop after the files were written but before the old file was removed: the next open finishes the move.
      await writeFile(path.join(older, 'facilitation.json'), JSON.stringify({ version: 1, facilitation: records }));
      const reopened = await LowFacilitationStore.open(older);
      expect(await reopened.get('ancien-1')).toMatchObject({ paused: true });
      expect(await readdir(older)).not.toContain('facilitation.json');
    } finally {
      await removeDataDir(older);
    }
  });

  it('refuses a session id that would name a file outside its folder, and writes nothing', async () => {
    const store = await LowFacilitationStore.open(stores.dataDir);
    for (const id of ['../trame', 'a/b', '..', '', 'x'.repeat(65)]) {
      await expect(store.update(id, initial, (r) => ({ ...r, paused: true }))).rejects.toThrow(/invalide/);
      await expect(store.get(id)).rejects.toThrow(/invalide/);
    }
    const older = await makeDataDir();
    try {
      await writeFile(
        path.join(older, 'facilitation.json'),
        JSON.stringify({ version: 1, facilitation: [{ ...initial(), id: 'sain' }, { ...initial(), id: '../../evade' }] }),
      );
      await expect(LowFacilitationStore.open(older)).rejects.toThrow(/invalide/);
      // Nothing moved: the old file keeps every record.
      expect(await readdir(path.join(older, 'facilitation'))).toEqual([]);
      expect(await readdir(older)).toContain('facilitation.json');
    } finally {
      await removeDataDir(older);
    }
  });

  it('gives the migration to PostgreSQL the per-session files and the records of an old file not split yet', async () => {
    const mixed = await makeDataDir();
    try {
      const store = await LowFacilitationStore.open(mixed);
      await store.update('nouveau', initial, (r) => ({ ...r, paused: true }));
      await mkdir(path.join(mixed, 'facilitation'), { recursive: true });
      await writeFile(
        path.join(mixed, 'facilitation.json'),
        JSON.stringify({ version: 1, facilitation: [{ ...initial(), id: 'ancien', privateWriting: true }] }),
      );
      const facilitation = (await readEmbeddedCollections(mixed)).filter((c) => c.name === 'facilitation');
      expect(facilitation).toHaveLength(1);
      expect(facilitation[0]!.records.map((r) => r.id).sort()).toEqual(['ancien', 'nouveau']);
    } finally {
      await removeDataDir(mixed);
    }
  });
});
