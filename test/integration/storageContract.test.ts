import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createLogger } from '../../server/logger.js';
import type { BoardStore } from '../../server/storage/BoardStore.js';
import { createPool } from '../../server/storage/createStores.js';
import { FileBoardStore } from '../../server/storage/FileBoardStore.js';
import { LowSessionStore } from '../../server/storage/LowSessionStore.js';
import { PgBoardStore } from '../../server/storage/PgBoardStore.js';
import { PgSessionStore } from '../../server/storage/PgSessionStore.js';
import { runMigrations } from '../../server/storage/runMigrations.js';
import type { SessionRecord } from '../../server/sessions/sessionRecord.js';
import type { SessionStore } from '../../server/storage/SessionStore.js';
import { createTestSchema, hasPostgres } from '../helpers/engines.js';
import { makeDataDir } from '../helpers/startTestServer.js';
import { storesPerFile } from '../helpers/storesPerFile.js';

const log = createLogger({ logLevel: 'silent' });
const stores = storesPerFile();

let counter = 0;
const freshId = () => `board-${Date.now().toString(36)}-${counter++}`;

/** A Yjs update setting `key` to `value`, from its own client. */
function edit(key: string, value: string, base?: Uint8Array): Uint8Array {
  const doc = new Y.Doc();
  if (base) Y.applyUpdate(doc, base);
  const before = Y.encodeStateVector(doc);
  doc.getMap('m').set(key, value);
  const update = Y.encodeStateAsUpdate(doc, before);
  doc.destroy();
  return update;
}

function contentOf(history: Uint8Array[] | null): Record<string, unknown> {
  const doc = new Y.Doc();
  for (const update of history ?? []) Y.applyUpdate(doc, update);
  const json = doc.getMap('m').toJSON();
  doc.destroy();
  return json;
}

const boardStores: [string, () => BoardStore][] = [
  ['FileBoardStore', () => new FileBoardStore(stores.dataDir)],
  ...(hasPostgres ? [['PgBoardStore', () => new PgBoardStore(stores.pool)] as [string, () => BoardStore]] : []),
];

describe.each(boardStores)('%s honours the board storage contract', (_name, makeStore) => {
  it('answers null for a board never created', async () => {
    expect(await makeStore().load(freshId())).toBeNull();
  });

  it('loads the initial state then the appended updates, in order', async () => {
    const store = makeStore();
    const id = freshId();
    const initial = edit('a', '1');
    const second = edit('b', '2');
    const third = edit('c', '3');
    await store.create(id, initial);
    await store.append(id, second);
    await store.append(id, third);
    const history = await store.load(id);
    expect(history?.map((u) => Buffer.from(u).toString('hex'))).toEqual(
      [initial, second, third].map((u) => Buffer.from(u).toString('hex')),
    );
  });

  it('refuses to create a board twice', async () => {
    const store = makeStore();
    const id = freshId();
    await store.create(id, edit('a', '1'));
    await expect(store.create(id, edit('a', '2'))).rejects.toThrow();
  });

  it('counts appended bytes until a replace compacts them into one state', async () => {
    const store = makeStore();
    const id = freshId();
    await store.create(id, edit('a', '1'));
    expect(await store.pendingLogBytes(id)).toBe(0);
    const update = edit('b', '2');
    await store.append(id, update);
    expect(await store.pendingLogBytes(id)).toBeGreaterThanOrEqual(update.byteLength);
    const history = (await store.load(id))!;
    await store.replace(id, Y.mergeUpdates(history));
    const compacted = await store.load(id);
    expect(compacted).toHaveLength(1);
    expect(contentOf(compacted)).toEqual({ a: '1', b: '2' });
    expect(await store.pendingLogBytes(id)).toBe(0);
  });

  it('keeps appending after a compaction', async () => {
    const store = makeStore();
    const id = freshId();
    await store.create(id, edit('a', '1'));
    await store.replace(id, edit('a', '1'));
    await store.append(id, edit('z', '26'));
    expect(contentOf(await store.load(id))).toEqual({ a: '1', z: '26' });
  });

  it('deletes a board and everything it held', async () => {
    const store = makeStore();
    const id = freshId();
    await store.create(id, edit('a', '1'));
    await store.append(id, edit('b', '2'));
    await store.delete(id);
    expect(await store.load(id)).toBeNull();
  });

  it('refuses an unsafe board id with a clear error', async () => {
    await expect(makeStore().load('../etc')).rejects.toThrow(/invalide/);
  });
});

describe('FileBoardStore after a crash', () => {
  it('keeps every whole frame of a torn log and appends after them', async () => {
    const store = new FileBoardStore(stores.dataDir);
    const id = freshId();
    await store.create(id, edit('a', '1'));
    await store.append(id, edit('b', '2'));
    await fs.appendFile(path.join(stores.dataDir, 'boards', id, 'updates.log'), Buffer.from([9, 0, 0, 0, 1, 2]));
    const reopened = new FileBoardStore(stores.dataDir);
    expect(contentOf(await reopened.load(id))).toEqual({ a: '1', b: '2' });
    await reopened.append(id, edit('c', '3'));
    expect(contentOf(await new FileBoardStore(stores.dataDir).load(id))).toEqual({ a: '1', b: '2', c: '3' });
  });
});

describe.skipIf(!hasPostgres)('PgBoardStore shared by several instances', () => {
  it('keeps rows another instance appended when one compacts from an older state', async () => {
    const mine = new PgBoardStore(stores.pool);
    const theirs = new PgBoardStore(stores.pool);
    const id = freshId();
    const initial = edit('a', '1');
    await mine.create(id, initial);
    await theirs.append(id, edit('theirs', 'x'));
    await mine.replace(id, Y.mergeUpdates([initial, edit('mine', 'y')]));
    expect(contentOf(await theirs.load(id))).toEqual({ a: '1', theirs: 'x', mine: 'y' });
  });

  it('refuses to append to a board that does not exist', async () => {
    await expect(new PgBoardStore(stores.pool).append(freshId(), edit('a', '1'))).rejects.toThrow(/inconnu/);
  });
});

/** The fields the stores must keep; the record grows with features, which the stores need not know about. */
function sessionRecord(id: string, title: string): SessionRecord {
  const now = new Date().toISOString();
  const record: Partial<SessionRecord> = {
    id,
    title,
    createdAt: now,
    updatedAt: now,
    joinCode: 'ABC123',
    status: 'running',
    participants: [],
  };
  return record as SessionRecord;
}

const sessionStores: [string, () => Promise<SessionStore>][] = [
  ['LowSessionStore', async () => LowSessionStore.open(await makeDataDir())],
  ...(hasPostgres ? [['PgSessionStore', async () => new PgSessionStore(stores.pool)] as [string, () => Promise<SessionStore>]] : []),
];

describe.each(sessionStores)('%s honours the session storage contract', (_name, makeStore) => {
  it('inserts, reads and lists sessions in insertion order', async () => {
    const store = await makeStore();
    const a = sessionRecord(freshId(), 'Premier');
    const b = sessionRecord(freshId(), 'Second');
    await store.insert(a);
    await store.insert(b);
    expect(await store.get(a.id)).toEqual(a);
    const ids = (await store.list()).map((s) => s.id);
    expect(ids.indexOf(a.id)).toBeLessThan(ids.indexOf(b.id));
  });

  it('answers undefined for an unknown session', async () => {
    const store = await makeStore();
    expect(await store.get('inconnu')).toBeUndefined();
    expect(await store.update('inconnu', () => ({ title: 'x' }))).toBeUndefined();
    expect(await store.delete('inconnu')).toBe(false);
  });

  it('applies concurrent changes one after the other, none lost', async () => {
    const store = await makeStore();
    const s = sessionRecord(freshId(), 'Atelier');
    await store.insert(s);
    await Promise.all(
      ['un', 'deux', 'trois'].map((name) =>
        store.update(s.id, (current) => ({
          participants: [...current.participants, { id: name } as SessionRecord['participants'][number]],
        })),
      ),
    );
    const ids = (await store.get(s.id))!.participants.map((p) => p.id).sort();
    expect(ids).toEqual(['deux', 'trois', 'un']);
  });

  it('keeps fields it does not know about', async () => {
    const store = await makeStore();
    const s = { ...sessionRecord(freshId(), 'Atelier'), futureField: { nested: [1, 2] } };
    await store.insert(s);
    await store.update(s.id, () => ({ title: 'Renommé' }));
    expect(await store.get(s.id)).toMatchObject({ title: 'Renommé', futureField: { nested: [1, 2] } });
  });

  it('deletes a session', async () => {
    const store = await makeStore();
    const s = sessionRecord(freshId(), 'Atelier');
    await store.insert(s);
    expect(await store.delete(s.id)).toBe(true);
    expect(await store.get(s.id)).toBeUndefined();
  });
});

describe.skipIf(!hasPostgres)('schema migrations', () => {
  it('are idempotent, and safe when instances start together', async () => {
    await Promise.all([runMigrations(stores.pool), runMigrations(stores.pool), runMigrations(stores.pool)]);
    const { rows } = await stores.pool.query('SELECT version FROM schema_migrations ORDER BY version');
    const files = (await fs.readdir(path.resolve('server/storage/migrations'))).filter((f) => f.endsWith('.sql'));
    expect(rows.map((r) => r.version)).toEqual(files.map((_, i) => i + 1));
  });

  it('refuse a database newer than the code', async () => {
    const newer = await createTestSchema();
    const newerPool = createPool(newer.url, log);
    try {
      await runMigrations(newerPool);
      await newerPool.query("INSERT INTO schema_migrations (version, name) VALUES (99, '099_future.sql')");
      await expect(runMigrations(newerPool)).rejects.toThrow(/plus récent/);
    } finally {
      await newerPool.end();
      await newer.drop();
    }
  });
});
