import { afterAll, describe, expect, it } from 'vitest';
import { createSession, joinSession, type CreatedSession } from '../helpers/api.js';
import { connectSocket, whenConnected } from '../helpers/socketClient.js';
import type { TestServer } from '../helpers/startTestServer.js';
import { twoInstancesPerFile } from '../helpers/twoInstancesPerFile.js';
import { hasScaleOut } from '../helpers/engines.js';
import { connectYjsClient, eventually, fakeNote, whenSynced, withText, type YjsClient } from '../helpers/yjsClient.js';

describe.skipIf(!hasScaleOut)('two instances sharing PostgreSQL and Redis', () => {
  const env = twoInstancesPerFile();
  const clients: YjsClient[] = [];
  const connect = (t: TestServer, session: CreatedSession) => {
    const client = connectYjsClient(t.wsUrl, session.id, { token: session.access.token });
    clients.push(client);
    return client;
  };

  afterAll(() => {
    for (const c of clients.splice(0)) c.destroy();
  });

  it('serves a session created on one instance from the other', async () => {
    const session = await createSession(env.first.url, { title: 'Atelier partagé' });
    const res = await fetch(`${env.second.url}/api/sessions/${session.id}`, {
      headers: { authorization: `Bearer ${session.access.token}` },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ title: 'Atelier partagé' });
  });

  it('makes stock y-websocket clients on different instances converge, both ways', async () => {
    const session = await createSession(env.first.url);
    const a = connect(env.first, session);
    const b = connect(env.second, session);
    await Promise.all([whenSynced(a), whenSynced(b)]);
    a.records.set('shape:a', fakeNote('a', 'de A'));
    b.records.set('shape:b', fakeNote('b', 'de B'));
    await eventually(() => {
      expect(a.records.get('shape:b')).toMatchObject(withText('de B'));
      expect(b.records.get('shape:a')).toMatchObject(withText('de A'));
    });
    for (let i = 0; i < 30; i++) (i % 2 ? a : b).records.set(`shape:n${i}`, fakeNote(`n${i}`, `idée ${i}`));
    await eventually(() => expect(a.records.toJSON()).toEqual(b.records.toJSON()));
  });

  it('relays cursors between instances', async () => {
    const session = await createSession(env.first.url);
    const a = connect(env.first, session);
    const b = connect(env.second, session);
    await Promise.all([whenSynced(a), whenSynced(b)]);
    a.provider.awareness.setLocalStateField('user', { name: 'Camille' });
    await eventually(() => {
      const names = [...b.provider.awareness.getStates().values()].map((s) => s.user?.name);
      expect(names).toContain('Camille');
    });
    a.provider.disconnect();
    await eventually(() => expect(b.provider.awareness.getStates().has(a.doc.clientID)).toBe(false));
  });

  it('gives a client joining the other instance later the whole board', async () => {
    const session = await createSession(env.first.url);
    const a = connect(env.first, session);
    await whenSynced(a);
    a.records.set('shape:early', fakeNote('early', 'avant'));
    const b0 = connect(env.second, session);
    await whenSynced(b0);
    await eventually(() => expect(b0.records.get('shape:early')).toBeDefined());
    a.records.set('shape:late', fakeNote('late', 'après'));
    const c = connect(env.second, session);
    await whenSynced(c);
    await eventually(() => expect(c.records.get('shape:late')).toMatchObject(withText('après')));
  });

  // Failed in full runs only, until subscriber connections skipped the ready check (server/fanout/redisConnection.ts).
  it('delivers socket.io events emitted on one instance to sockets on the other', async () => {
    const session = await createSession(env.first.url);
    const facilitator = connectSocket(env.first.url, session.id, session.access.token);
    try {
      await whenConnected(facilitator);
      const seen: string[] = [];
      facilitator.on('participants:changed', (list) => seen.push(...list.map((p) => p.pseudonym)));
      // The join is handled by the second instance, which broadcasts to the session's facilitators.
      await joinSession(env.second.url, session.joinCode, 'Dominique');
      await eventually(() => expect(seen).toContain('Dominique'));
    } finally {
      facilitator.disconnect();
    }
  });

  it('reports both engines in the health check', async () => {
    const res = await fetch(`${env.second.url}/api/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', database: { status: 'ok' }, redis: { status: 'ok' } });
  });
});
