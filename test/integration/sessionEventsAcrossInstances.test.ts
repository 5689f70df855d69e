import { afterAll, describe, expect, it } from 'vitest';
import { CloseCode } from '../../shared/closeCodes.js';
import { authed, createSession, joinSession } from '../helpers/api.js';
import type { TestServer } from '../helpers/startTestServer.js';
import { twoInstancesPerFile } from '../helpers/twoInstancesPerFile.js';
import { hasScaleOut } from '../helpers/engines.js';
import { connectYjsClient, eventually, fakeNote, whenClosed, whenSynced, type YjsClient } from '../helpers/yjsClient.js';

describe.skipIf(!hasScaleOut)('a facilitator acting on one instance', () => {
  const env = twoInstancesPerFile();
  const clients: YjsClient[] = [];
  const connect = (t: TestServer, sessionId: string, token: string) => {
    const client = connectYjsClient(t.wsUrl, sessionId, { token });
    clients.push(client);
    return client;
  };

  afterAll(() => {
    for (const c of clients.splice(0)) c.destroy();
  });

  it('makes a finished session read-only for participants connected to the other instance', async () => {
    const session = await createSession(env.first.url);
    const grant = await joinSession(env.first.url, session.joinCode, 'Inès', 'agent');
    const facilitator = connect(env.first, session.id, session.access.token);
    const participant = connect(env.second, session.id, grant.token);
    await Promise.all([whenSynced(facilitator), whenSynced(participant)]);

    await fetch(
      `${env.first.url}/api/sessions/${session.id}`,
      authed(session.access.token, { method: 'PATCH', body: JSON.stringify({ status: 'finished' }) }),
    );
    await eventually(async () => expect((await env.second.server.sessions.policy(session.id)).status).toBe('finished'));
    participant.records.set('shape:after', fakeNote('after', 'après la fin'));
    facilitator.records.set('shape:synthesis', fakeNote('synthesis', 'synthèse'));
    await eventually(() => expect(participant.records.has('shape:synthesis')).toBe(true));
    await new Promise((r) => setTimeout(r, 200));
    expect(facilitator.records.has('shape:after')).toBe(false);
  });

  it('closes the board of a removed participant connected to the other instance', async () => {
    const session = await createSession(env.first.url);
    const grant = await joinSession(env.first.url, session.joinCode, 'Yanis', 'habitant');
    const participant = connect(env.second, session.id, grant.token);
    await whenSynced(participant);
    const closed = whenClosed(participant);
    await fetch(
      `${env.first.url}/api/sessions/${session.id}/participants/${grant.participantId}`,
      authed(session.access.token, { method: 'DELETE' }),
    );
    expect((await closed).code).toBe(CloseCode.Removed);
  });

  it('closes a deleted session on every instance', async () => {
    const session = await createSession(env.first.url);
    const onSecond = connect(env.second, session.id, session.access.token);
    await whenSynced(onSecond);
    const closed = whenClosed(onSecond);
    const res = await fetch(`${env.first.url}/api/sessions/${session.id}`, authed(session.access.token, { method: 'DELETE' }));
    expect(res.status).toBe(204);
    expect((await closed).code).toBe(CloseCode.UnknownBoard);
    await eventually(() => expect(env.second.server.registry.isLoaded(session.id)).toBe(false));
    expect((await fetch(`${env.second.url}/api/health`)).status).toBe(200);
  });
});
