import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boardRecords } from '../../shared/boardLayout.js';
import { createSession, joinSession } from '../helpers/api.js';
import { createTestSchema, TEST_REDIS_URL, type TestSchema } from '../helpers/engines.js';
import { connectFacilitation, send, type FacilitationClient } from '../helpers/facilitationClient.js';
import { removeDataDir, startTestServer, type TestServer } from '../helpers/startTestServer.js';
import { connectYjsClient, eventually, fakeNote, whenSynced, type YjsClient } from '../helpers/yjsClient.js';

describe('facilitating with participants on another instance', () => {
  let schema: TestSchema;
  let first: TestServer;
  let second: TestServer;
  const sockets: FacilitationClient[] = [];
  const boards: YjsClient[] = [];
  const connect = async (t: TestServer, sessionId: string, token: string) => {
    const client = await connectFacilitation(t.url, sessionId, token);
    sockets.push(client);
    return client;
  };
  const board = async (t: TestServer, sessionId: string, token: string) => {
    const client = connectYjsClient(t.wsUrl, sessionId, { token });
    boards.push(client);
    await whenSynced(client);
    return client;
  };

  beforeAll(async () => {
    schema = await createTestSchema();
    const shared = { databaseUrl: schema.url, redisUrl: TEST_REDIS_URL, persistFlushIntervalMs: 20 };
    [first, second] = await Promise.all([startTestServer(shared), startTestServer(shared)]);
  });
  afterAll(async () => {
    for (const c of sockets.splice(0)) c.close();
    for (const b of boards.splice(0)) b.destroy();
    await Promise.all([first.close(), second.close()]);
    await Promise.all([removeDataDir(first.dataDir), removeDataDir(second.dataDir), schema.drop()]);
  });

  it('shows them the timer and the vote, keeps their budget, and pauses their board', async () => {
    const session = await createSession(first.url);
    const grant = await joinSession(first.url, session.joinCode, 'Inès', 'agent');
    const facilitator = await connect(first, session.id, session.access.token);
    const participant = await connect(second, session.id, grant.token);
    const facilitatorBoard = await board(first, session.id, session.access.token);
    const participantBoard = await board(second, session.id, grant.token);
    facilitatorBoard.records.set('shape:idee', fakeNote('idee', 'Une idée'));
    await eventually(async () =>
      expect(await second.server.registry.withBoard(session.id, (room) => boardRecords(room.doc).has('shape:idee'))).toBe(true),
    );

    await send(facilitator.socket, 'timer:start', { durationMs: 60_000 });
    await send(facilitator.socket, 'vote:open', { canvasId: null, budget: 2, maxPerNote: 5, showTotals: true });
    await eventually(() => expect(participant.state()).toMatchObject({ timer: { durationMs: 60_000 }, vote: { status: 'open' } }));

    const casts = await Promise.all([1, 2, 3].map(() => send(participant.socket, 'vote:cast', { shapeId: 'shape:idee' })));
    expect(casts.filter((r) => r.ok)).toHaveLength(2);
    await eventually(() => expect(facilitator.state()?.vote?.totals).toEqual({ 'shape:idee': 2 }));

    expect((await send(facilitator.socket, 'pause:set', { paused: true })).ok).toBe(true);
    await eventually(async () => expect((await second.server.sessions.policy(session.id)).paused).toBe(true));
    participantBoard.records.set('shape:pendant', fakeNote('pendant', 'pendant la pause'));
    facilitatorBoard.records.set('shape:animation', fakeNote('animation', 'animation'));
    await eventually(() => expect(participantBoard.records.has('shape:animation')).toBe(true));
    await new Promise((r) => setTimeout(r, 200));
    expect(facilitatorBoard.records.has('shape:pendant')).toBe(false);
  });
});
