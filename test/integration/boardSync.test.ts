import { afterEach, describe, expect, it } from 'vitest';
import { createSession, type CreatedSession } from '../helpers/api.js';
import { removeDataDir, startTestServer, type TestServer } from '../helpers/startTestServer.js';
import { connectYjsClient, eventually, fakeNote, whenSynced, withText, type YjsClient } from '../helpers/yjsClient.js';

describe('board sync over /yjs', () => {
  let t: TestServer;
  const clients: YjsClient[] = [];
  const connect = (session: CreatedSession) => {
    const client = connectYjsClient(t.wsUrl, session.id, { token: session.access.token });
    clients.push(client);
    return client;
  };
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy();
    await t.close();
    await removeDataDir(t.dataDir);
  });

  it('delivers the seeded board (document and page) on first sync', async () => {
    t = await startTestServer();
    const session = await createSession(t.url);
    const a = connect(session);
    await whenSynced(a);
    expect(a.records.get('document:document')).toMatchObject({ typeName: 'document' });
    expect([...a.records.values()].some((r) => r.typeName === 'page')).toBe(true);
  });

  it('makes two clients converge, both ways', async () => {
    t = await startTestServer();
    const session = await createSession(t.url);
    const a = connect(session);
    const b = connect(session);
    await Promise.all([whenSynced(a), whenSynced(b)]);
    a.records.set('shape:a', fakeNote('a', 'de A'));
    b.records.set('shape:b', fakeNote('b', 'de B'));
    await eventually(() => {
      expect(a.records.get('shape:b')).toMatchObject(withText('de B'));
      expect(b.records.get('shape:a')).toMatchObject(withText('de A'));
    });
  });

  it('gives a client joining later the whole board', async () => {
    t = await startTestServer();
    const session = await createSession(t.url);
    const a = connect(session);
    await whenSynced(a);
    for (let i = 0; i < 50; i++) a.records.set(`shape:n${i}`, fakeNote(`n${i}`, `idée ${i}`));
    const b = connect(session);
    await whenSynced(b);
    await eventually(() => expect(b.records.get('shape:n49')).toBeDefined());
    const c = connect(session);
    await whenSynced(c);
    expect(c.records.get('shape:n0')).toMatchObject(withText('idée 0'));
  });

  it('relays cursors (awareness) with the user name', async () => {
    t = await startTestServer();
    const session = await createSession(t.url);
    const a = connect(session);
    const b = connect(session);
    await Promise.all([whenSynced(a), whenSynced(b)]);
    a.provider.awareness.setLocalStateField('user', { name: 'Camille' });
    await eventually(() => {
      const names = [...b.provider.awareness.getStates().values()].map((s) => s.user?.name);
      expect(names).toContain('Camille');
    });
  });

  it('keeps every edit across a server restart', async () => {
    t = await startTestServer();
    const session = await createSession(t.url);
    const a = connect(session);
    await whenSynced(a);
    a.records.set('shape:kept', fakeNote('kept', 'toujours là'));
    a.records.delete('shape:kept');
    a.records.set('shape:kept2', fakeNote('kept2', 'après redémarrage'));
    await eventually(async () => {
      const b = connect(session);
      await whenSynced(b);
      expect(b.records.get('shape:kept2')).toBeDefined();
    });
    for (const c of clients.splice(0)) c.destroy();
    t = await t.restart();
    const fresh = connect(session);
    await whenSynced(fresh);
    expect(fresh.records.get('shape:kept2')).toMatchObject(withText('après redémarrage'));
    expect(fresh.records.has('shape:kept')).toBe(false);
  });

  it('unloads a board nobody uses after the grace period, and reloads it intact', async () => {
    t = await startTestServer({ boardUnloadGraceMs: 50 });
    const session = await createSession(t.url);
    const a = connect(session);
    await whenSynced(a);
    a.records.set('shape:x', fakeNote('x', 'à recharger'));
    await eventually(() => expect(t.server.registry.isLoaded(session.id)).toBe(true));
    a.destroy();
    clients.splice(0);
    await eventually(() => expect(t.server.registry.isLoaded(session.id)).toBe(false));
    const b = connect(session);
    await whenSynced(b);
    expect(b.records.get('shape:x')).toMatchObject(withText('à recharger'));
  });
});

describe('a client that loses its connection', () => {
  it('merges the edits it made while offline when it comes back', async () => {
    const t = await startTestServer();
    try {
      const { id, access } = await createSession(t.url);
      const a = connectYjsClient(t.wsUrl, id, { token: access.token });
      const b = connectYjsClient(t.wsUrl, id, { token: access.token });
      await Promise.all([whenSynced(a), whenSynced(b)]);
      a.provider.disconnect();
      a.records.set('shape:offline', fakeNote('offline', 'écrit hors ligne'));
      b.records.set('shape:online', fakeNote('online', 'écrit en ligne'));
      await new Promise((r) => setTimeout(r, 100));
      expect(b.records.has('shape:offline')).toBe(false);
      a.provider.connect();
      await eventually(() => {
        expect(b.records.get('shape:offline')).toMatchObject(withText('écrit hors ligne'));
        expect(a.records.get('shape:online')).toMatchObject(withText('écrit en ligne'));
      });
      a.destroy();
      b.destroy();
    } finally {
      await t.close();
      await removeDataDir(t.dataDir);
    }
  });
});
