import { afterEach, describe, expect, it } from 'vitest';
import { CloseCode } from '../../shared/closeCodes.js';
import { authed, createSession, joinSession } from '../helpers/api.js';
import { hasScaleOut } from '../helpers/engines.js';
import { send } from '../helpers/facilitationClient.js';
import { serverPerFile } from '../helpers/serverPerFile.js';
import { connectSocket, whenConnected, type TestSocket } from '../helpers/socketClient.js';
import type { TestServer } from '../helpers/startTestServer.js';
import { twoInstancesPerFile } from '../helpers/twoInstancesPerFile.js';
import { connectYjsClient, eventually, whenClosed, whenSynced, type YjsClient } from '../helpers/yjsClient.js';

/**
 * The session event bus's contract: a lifecycle command run on one instance has the same effects on the
 * instance that ran it and on another one (PostgreSQL + Redis), seen by the observer's own connections.
 */
function sameEffects(setup: () => { acting: TestServer; observing: TestServer }) {
  const open: (() => void)[] = [];
  afterEach(() => {
    for (const close of open.splice(0)) close();
  });
  const socketOn = async (t: TestServer, sessionId: string, token: string) => {
    const socket: TestSocket = connectSocket(t.url, sessionId, token);
    open.push(() => socket.disconnect());
    await whenConnected(socket);
    return socket;
  };
  const boardOn = async (t: TestServer, sessionId: string, token: string) => {
    const client: YjsClient = connectYjsClient(t.wsUrl, sessionId, { token });
    open.push(() => client.destroy());
    await whenSynced(client);
    return client;
  };
  const call = (t: TestServer, path: string, token: string, init: RequestInit) => fetch(`${t.url}/api/sessions${path}`, authed(token, init));

  it('indexes a new session for search', async () => {
    const { acting, observing } = setup();
    const session = await createSession(acting.url, { title: 'Jardins partagés de Lunel' });
    await eventually(async () => {
      const found = await observing.server.sessions.list({ q: 'Lunel' });
      expect(found.map((s) => s.id)).toContain(session.id);
    });
  });

  it('finishes a session: read-only edit policy, and each socket told once', async () => {
    const { acting, observing } = setup();
    const session = await createSession(acting.url);
    const socket = await socketOn(observing, session.id, session.access.token);
    const told: string[] = [];
    socket.on('session:changed', (state) => told.push(state.status));
    const res = await call(acting, `/${session.id}`, session.access.token, { method: 'PATCH', body: JSON.stringify({ status: 'finished' }) });
    expect(res.status).toBe(200);
    await eventually(async () => expect((await observing.server.sessions.policy(session.id)).status).toBe('finished'));
    // The creation's own event may reach a socket on another instance late (it carries the same state).
    const finished = () => told.filter((status) => status === 'finished');
    await eventually(() => expect(finished()).toEqual(['finished']));
    await new Promise((r) => setTimeout(r, 150));
    expect(finished()).toEqual(['finished']);
    expect(told.at(-1)).toBe('finished');
  });

  it('removes a participant: their socket is told and closed, their board connection closed', async () => {
    const { acting, observing } = setup();
    const session = await createSession(acting.url);
    const grant = await joinSession(acting.url, session.joinCode, 'Yanis', 'habitant');
    const socket = await socketOn(observing, session.id, grant.token);
    const board = await boardOn(observing, session.id, grant.token);
    const removed = new Promise<void>((resolve) => socket.once('session:removed', () => resolve()));
    const closed = whenClosed(board);
    await call(acting, `/${session.id}/participants/${grant.participantId}`, session.access.token, { method: 'DELETE' });
    await removed;
    expect((await closed).code).toBe(CloseCode.Removed);
  });

  it('pauses the board: the edit policy follows', async () => {
    const { acting, observing } = setup();
    const session = await createSession(acting.url);
    const facilitator = await socketOn(acting, session.id, session.access.token);
    expect(await send(facilitator, 'pause:set', { paused: true })).toMatchObject({ ok: true });
    await eventually(async () => expect((await observing.server.sessions.policy(session.id)).paused).toBe(true));
  });

  it('deletes a session: board closed and unloaded, sockets closed, search forgets it', async () => {
    const { acting, observing } = setup();
    const session = await createSession(acting.url, { title: 'Quartier de la gare à Sète' });
    const socket = await socketOn(observing, session.id, session.access.token);
    const board = await boardOn(observing, session.id, session.access.token);
    const closed = whenClosed(board);
    const disconnected = new Promise<void>((resolve) => socket.once('disconnect', () => resolve()));
    const res = await call(acting, `/${session.id}`, session.access.token, { method: 'DELETE' });
    expect(res.status).toBe(204);
    expect((await closed).code).toBe(CloseCode.UnknownBoard);
    await disconnected;
    await eventually(() => expect(observing.server.registry.isLoaded(session.id)).toBe(false));
    await eventually(async () => expect(await observing.server.sessions.list({ q: 'Sète' })).toEqual([]));
  });
}

describe('session events on one instance', () => {
  const env = serverPerFile();
  sameEffects(() => ({ acting: env.t, observing: env.t }));
});

describe.skipIf(!hasScaleOut)('session events across two instances', () => {
  const env = twoInstancesPerFile();
  sameEffects(() => ({ acting: env.first, observing: env.second }));
});
