import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CloseCode } from '../../shared/closeCodes.js';
import { authed, createSession, joinSession } from '../helpers/api.js';
import { createTestSchema, TEST_REDIS_URL, type TestSchema } from '../helpers/engines.js';
import { removeDataDir, startTestServer, type TestServer } from '../helpers/startTestServer.js';
import { connectYjsClient, eventually, fakeNote, whenClosed, whenSynced, type YjsClient } from '../helpers/yjsClient.js';

describe('a facilitator acting on one instance', () => {
  let schema: TestSchema;
  let first: TestServer;
  let second: TestServer;
  const clients: YjsClient[] = [];
  const connect = (t: TestServer, sessionId: string, token: string) => {
    const client = connectYjsClient(t.wsUrl, sessionId, { token });
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    schema = await createTestSchema();
    const shared = { databaseUrl: schema.url, redisUrl: TEST_REDIS_URL, persistFlushIntervalMs: 20 };
    [first, second] = await Promise.all([startTestServer(shared), startTestServer(shared)]);
  });

  afterAll(async () => {
    for (const c of clients.splice(0)) c.destroy();
    await Promise.all([first.close(), second.close()]);
    await Promise.all([removeDataDir(first.dataDir), removeDataDir(second.dataDir), schema.drop()]);
  });

  it('makes a finished session read-only for participants connected to the other instance', async () => {
    const session = await createSession(first.url);
    const grant = await joinSession(first.url, session.joinCode, 'Inès', 'agent');
    const facilitator = connect(first, session.id, session.access.token);
    const participant = connect(second, session.id, grant.token);
    await Promise.all([whenSynced(facilitator), whenSynced(participant)]);

    await fetch(
      `${first.url}/api/sessions/${session.id}`,
      authed(session.access.token, { method: 'PATCH', body: JSON.stringify({ status: 'finished' }) }),
    );
    await eventually(async () => expect((await second.server.sessions.policy(session.id)).status).toBe('finished'));
    participant.records.set('shape:after', fakeNote('after', 'après la fin'));
    facilitator.records.set('shape:synthesis', fakeNote('synthesis', 'synthèse'));
    await eventually(() => expect(participant.records.has('shape:synthesis')).toBe(true));
    await new Promise((r) => setTimeout(r, 200));
    expect(facilitator.records.has('shape:after')).toBe(false);
  });

  it('closes the board of a removed participant connected to the other instance', async () => {
    const session = await createSession(first.url);
    const grant = await joinSession(first.url, session.joinCode, 'Yanis', 'habitant');
    const participant = connect(second, session.id, grant.token);
    await whenSynced(participant);
    const closed = whenClosed(participant);
    await fetch(
      `${first.url}/api/sessions/${session.id}/participants/${grant.participantId}`,
      authed(session.access.token, { method: 'DELETE' }),
    );
    expect((await closed).code).toBe(CloseCode.Removed);
  });

  it('closes a deleted session on every instance', async () => {
    const session = await createSession(first.url);
    const onSecond = connect(second, session.id, session.access.token);
    await whenSynced(onSecond);
    const closed = whenClosed(onSecond);
    const res = await fetch(`${first.url}/api/sessions/${session.id}`, authed(session.access.token, { method: 'DELETE' }));
    expect(res.status).toBe(204);
    expect((await closed).code).toBe(CloseCode.UnknownBoard);
    await eventually(() => expect(second.server.registry.isLoaded(session.id)).toBe(false));
    expect((await fetch(`${second.url}/api/health`)).status).toBe(200);
  });
});
