import WebSocket from 'ws';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CloseCode } from '../../shared/closeCodes.js';
import { authed, createSession, joinSession, type CreatedSession } from '../helpers/api.js';
import { connectSocket, whenConnected } from '../helpers/socketClient.js';
import { removeDataDir, startTestServer, type TestServer } from '../helpers/startTestServer.js';
import { connectYjsClient, eventually, fakeNote, whenClosed, whenSynced, type YjsClient } from '../helpers/yjsClient.js';

const settle = () => new Promise((r) => setTimeout(r, 400));

describe('the server enforces roles on boards', () => {
  let t: TestServer;
  let session: CreatedSession;
  const clients: YjsClient[] = [];
  const connect = (token: string) => {
    const client = connectYjsClient(t.wsUrl, session.id, { token });
    clients.push(client);
    return client;
  };
  beforeEach(async () => {
    t = await startTestServer();
    session = await createSession(t.url);
  });
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy();
    await t.close();
    await removeDataDir(t.dataDir);
  });

  it("drops an observer's updates: never relayed, never stored, while its cursor is", async () => {
    const link = await (
      await fetch(`${t.url}/api/sessions/${session.id}/links`, authed(session.access.token, { method: 'POST', body: '{"role":"observer"}' }))
    ).json();
    const facilitator = connect(session.access.token);
    const observer = connect(link.token);
    await Promise.all([whenSynced(facilitator), whenSynced(observer)]);
    observer.records.set('shape:forged', fakeNote('forged', 'écrit par un observateur'));
    observer.provider.awareness.setLocalStateField('user', { name: 'Élu observateur' });
    facilitator.records.set('shape:legit', fakeNote('legit', "écrit par l'animation"));
    await eventually(() => {
      const names = [...facilitator.provider.awareness.getStates().values()].map((s) => s.user?.name);
      expect(names).toContain('Élu observateur');
      expect(observer.records.has('shape:legit')).toBe(true);
    });
    await settle();
    expect(facilitator.records.has('shape:forged')).toBe(false);

    for (const c of clients.splice(0)) c.destroy();
    t = await t.restart();
    const fresh = connect(session.access.token);
    await whenSynced(fresh);
    expect(fresh.records.has('shape:legit')).toBe(true);
    expect(fresh.records.has('shape:forged')).toBe(false);
  });

  it('refuses a forged token with 4401 before any sync message', async () => {
    const { code, messages } = await new Promise<{ code: number; messages: number }>((resolve, reject) => {
      const ws = new WebSocket(`${t.wsUrl}/${session.id}?token=${'A'.repeat(43)}`);
      let messages = 0;
      ws.on('message', () => messages++);
      ws.on('close', (code) => resolve({ code, messages }));
      ws.on('error', reject);
    });
    expect({ code, messages }).toEqual({ code: CloseCode.Unauthorized, messages: 0 });
    const noToken = connectYjsClient(t.wsUrl, session.id);
    clients.push(noToken);
    expect((await whenClosed(noToken)).code).toBe(CloseCode.Unauthorized);
  });

  it('disconnects a removed participant and refuses their token afterwards', async () => {
    const grant = await joinSession(t.url, session.joinCode, 'Alex', 'habitant');
    const participant = connect(grant.token);
    await whenSynced(participant);
    const socket = connectSocket(t.url, session.id, grant.token);
    await whenConnected(socket);
    const removedEvent = new Promise<void>((resolve) => socket.once('session:removed', () => resolve()));
    const closed = whenClosed(participant);
    const res = await fetch(
      `${t.url}/api/sessions/${session.id}/participants/${grant.participantId}`,
      authed(session.access.token, { method: 'DELETE' }),
    );
    expect(res.status).toBe(204);
    expect((await closed).code).toBe(CloseCode.Removed);
    await removedEvent;
    await eventually(() => expect(socket.connected).toBe(false));

    const again = connectYjsClient(t.wsUrl, session.id, { token: grant.token });
    clients.push(again);
    expect((await whenClosed(again)).code).toBe(CloseCode.Unauthorized);
    const me = await fetch(`${t.url}/api/sessions/${session.id}/me`, authed(grant.token));
    expect(me.status).toBe(401);
  });

  it('makes a finished session read-only for participants but not for facilitators', async () => {
    const grant = await joinSession(t.url, session.joinCode, 'Inès', 'agent');
    const facilitator = connect(session.access.token);
    const participant = connect(grant.token);
    await Promise.all([whenSynced(facilitator), whenSynced(participant)]);
    participant.records.set('shape:before', fakeNote('before', 'avant la fin'));
    await eventually(() => expect(facilitator.records.has('shape:before')).toBe(true));

    await fetch(
      `${t.url}/api/sessions/${session.id}`,
      authed(session.access.token, { method: 'PATCH', body: JSON.stringify({ status: 'finished' }) }),
    );
    participant.records.set('shape:after', fakeNote('after', 'après la fin'));
    facilitator.records.set('shape:synthesis', fakeNote('synthesis', 'synthèse'));
    await eventually(() => expect(participant.records.has('shape:synthesis')).toBe(true));
    await settle();
    expect(facilitator.records.has('shape:after')).toBe(false);
  });

  it('refuses a socket.io handshake without a valid token', async () => {
    const socket = connectSocket(t.url, session.id, 'faux');
    await expect(whenConnected(socket)).rejects.toThrow(/unauthorized/);
    socket.close();
  });

  it('shows facilitators the live participant list as people join', async () => {
    const socket = connectSocket(t.url, session.id, session.access.token);
    await whenConnected(socket);
    const seen = new Promise<string[]>((resolve) =>
      socket.on('participants:changed', (list) => {
        const names = list.filter((p) => p.connected).map((p) => p.pseudonym);
        if (names.includes('Maya')) resolve(names);
      }),
    );
    const grant = await joinSession(t.url, session.joinCode, 'Maya', 'elu');
    const participantSocket = connectSocket(t.url, session.id, grant.token);
    await whenConnected(participantSocket);
    expect(await seen).toContain('Maya');
    socket.close();
    participantSocket.close();
  });

  it('sends facilitators a few lists, the last one whole, when a crowd joins at once', async () => {
    const socket = connectSocket(t.url, session.id, session.access.token);
    await whenConnected(socket);
    const lists: number[] = [];
    socket.on('participants:changed', (list) => lists.push(list.length));
    // The list counts the facilitator too.
    const crowd = 60;
    await Promise.all(Array.from({ length: crowd }, (_, i) => joinSession(t.url, session.joinCode, `Personne ${i}`, 'habitant')));
    await eventually(() => expect(lists.at(-1)).toBe(crowd + 1));
    expect(lists.length).toBeLessThan(crowd / 4);
    socket.close();
  });
});
