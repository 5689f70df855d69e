import { afterAll, describe, expect, it } from 'vitest';
import { boardRecords } from '../../shared/boardLayout.js';
import { createSession, joinSession } from '../helpers/api.js';
import { connectFacilitation, send, type FacilitationClient } from '../helpers/facilitationClient.js';
import type { TestServer } from '../helpers/startTestServer.js';
import { twoInstancesPerFile } from '../helpers/twoInstancesPerFile.js';
import { hasScaleOut } from '../helpers/engines.js';
import { connectYjsClient, eventually, fakeNote, whenSynced, type YjsClient } from '../helpers/yjsClient.js';

describe.skipIf(!hasScaleOut)('facilitating with participants on another instance', () => {
  const env = twoInstancesPerFile();
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

  afterAll(() => {
    for (const c of sockets.splice(0)) c.close();
    for (const b of boards.splice(0)) b.destroy();
  });

  it('shows them the timer and the vote, keeps their budget, and pauses their board', async () => {
    const session = await createSession(env.first.url);
    const grant = await joinSession(env.first.url, session.joinCode, 'Inès', 'agent');
    const facilitator = await connect(env.first, session.id, session.access.token);
    const participant = await connect(env.second, session.id, grant.token);
    const facilitatorBoard = await board(env.first, session.id, session.access.token);
    const participantBoard = await board(env.second, session.id, grant.token);
    facilitatorBoard.records.set('shape:idee', fakeNote('idee', 'Une idée'));
    await eventually(async () =>
      expect(await env.second.server.registry.withBoard(session.id, (room) => boardRecords(room.doc).has('shape:idee'))).toBe(true),
    );

    await send(facilitator.socket, 'timer:start', { durationMs: 60_000 });
    await send(facilitator.socket, 'vote:open', { canvasId: null, budget: 2, maxPerNote: 5, showTotals: true });
    await eventually(() => expect(participant.state()).toMatchObject({ timer: { durationMs: 60_000 }, vote: { status: 'open' } }));

    const casts = await Promise.all([1, 2, 3].map(() => send(participant.socket, 'vote:cast', { shapeId: 'shape:idee' })));
    expect(casts.filter((r) => r.ok)).toHaveLength(2);
    await eventually(() => expect(facilitator.state()?.vote?.totals).toEqual({ 'shape:idee': 2 }));

    expect((await send(facilitator.socket, 'pause:set', { paused: true })).ok).toBe(true);
    await eventually(async () => expect((await env.second.server.sessions.policy(session.id)).paused).toBe(true));
    participantBoard.records.set('shape:pendant', fakeNote('pendant', 'pendant la pause'));
    facilitatorBoard.records.set('shape:animation', fakeNote('animation', 'animation'));
    await eventually(() => expect(participantBoard.records.has('shape:animation')).toBe(true));
    await new Promise((r) => setTimeout(r, 200));
    expect(facilitatorBoard.records.has('shape:pendant')).toBe(false);
  });

  it("sends a private note written on one instance to the facilitator on the other, and to no other participant", async () => {
    const session = await createSession(env.first.url);
    const alexGrant = await joinSession(env.first.url, session.joinCode, 'Alex', 'elu');
    const samGrant = await joinSession(env.first.url, session.joinCode, 'Sam', 'habitant');
    const facilitator = await connect(env.first, session.id, session.access.token);
    const alex = await connect(env.second, session.id, alexGrant.token);
    const samHere = await connect(env.second, session.id, samGrant.token);
    const samThere = await connect(env.first, session.id, samGrant.token);
    const heardBySam: unknown[] = [];
    for (const sam of [samHere, samThere]) sam.socket.onAny((event: string, payload: unknown) => heardBySam.push([event, payload]));
    await send(facilitator.socket, 'private:set', { enabled: true });
    await eventually(() => expect(alex.state()?.privateWriting).toBe(true));

    expect(await send(alex.socket, 'private:upsert', { record: fakeNote('alex-secret', 'Fermer la rue le dimanche') })).toEqual({ ok: true });
    await eventually(() => expect(facilitator.privateNotes().map((n) => n.id)).toEqual(['shape:alex-secret']));
    await eventually(() => expect(facilitator.state()?.privateNoteCount).toBe(1));
    expect(alex.privateNotes().map((n) => n.id)).toEqual(['shape:alex-secret']);
    await new Promise((r) => setTimeout(r, 300));
    expect(JSON.stringify(heardBySam)).not.toContain('alex-secret');
    expect(samHere.privateNotes()).toEqual([]);
    expect(samThere.privateNotes()).toEqual([]);
  });
});
