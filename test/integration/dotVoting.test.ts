import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { boardRecords, type BoardRecord } from '../../shared/boardLayout.js';
import { createSession, joinSession, type CreatedSession } from '../helpers/api.js';
import { connectFacilitation, send, type FacilitationClient } from '../helpers/facilitationClient.js';
import { removeDataDir, startTestServer, type TestServer } from '../helpers/startTestServer.js';
import { connectYjsClient, eventually, fakeNote, whenSynced, type YjsClient } from '../helpers/yjsClient.js';

const settings = { canvasId: null, budget: 3, maxPerNote: 2, showTotals: false };

describe('dot voting', () => {
  let t: TestServer;
  let session: CreatedSession;
  let board: YjsClient;
  const sockets: FacilitationClient[] = [];
  const connect = async (token: string) => {
    const client = await connectFacilitation(t.url, session.id, token);
    sockets.push(client);
    return client;
  };
  const join = async (pseudonym: string, college: string) => {
    const grant = await joinSession(t.url, session.joinCode, pseudonym, college);
    return { grant, client: await connect(grant.token) };
  };

  /** Yjs edits reach the server asynchronously; votes are checked against the server's copy. */
  const serverHas = (...ids: string[]) =>
    eventually(async () => {
      const present = await t.server.registry.withBoard(session.id, (room) => ids.every((id) => boardRecords(room.doc).has(id)));
      expect(present).toBe(true);
    });

  beforeEach(async () => {
    t = await startTestServer();
    session = await createSession(t.url);
    board = connectYjsClient(t.wsUrl, session.id, { token: session.access.token });
    await whenSynced(board);
    board.records.set('shape:banc', fakeNote('banc', 'Un banc'));
    board.records.set('shape:navette', fakeNote('navette', 'Une navette'));
    board.records.set('shape:frame', { id: 'shape:frame', typeName: 'shape', type: 'frame', x: 5000, y: 0 } as BoardRecord);
    await serverHas('shape:banc', 'shape:navette', 'shape:frame');
  });
  afterEach(async () => {
    for (const c of sockets.splice(0)) c.close();
    board.destroy();
    await t.close();
    await removeDataDir(t.dataDir);
  });

  it('never lets a participant spend more dots than the budget or more than the maximum on one note', async () => {
    const facilitator = await connect(session.access.token);
    const { client: alex } = await join('Alex', 'elu');
    expect((await send(facilitator.socket, 'vote:open', settings)).ok).toBe(true);

    expect((await send(alex.socket, 'vote:cast', { shapeId: 'shape:banc' })).ok).toBe(true);
    expect((await send(alex.socket, 'vote:cast', { shapeId: 'shape:banc' })).ok).toBe(true);
    expect(await send(alex.socket, 'vote:cast', { shapeId: 'shape:banc' })).toMatchObject({ code: 'note_limit_reached' });
    const burst = await Promise.all([1, 2, 3].map(() => send(alex.socket, 'vote:cast', { shapeId: 'shape:navette' })));
    expect(burst.filter((r) => r.ok)).toHaveLength(1);
    expect(burst.filter((r) => !r.ok).map((r) => !r.ok && r.code)).toEqual(['budget_exceeded', 'budget_exceeded']);
    await eventually(() => expect(alex.state()?.vote).toMatchObject({ remaining: 0, myDots: { 'shape:banc': 2, 'shape:navette': 1 } }));
  });

  it("hides running totals from participants when asked, never from facilitators, and refuses notes that don't exist", async () => {
    const facilitator = await connect(session.access.token);
    const { client: alex } = await join('Alex', 'elu');
    await send(facilitator.socket, 'vote:open', settings);
    await send(alex.socket, 'vote:cast', { shapeId: 'shape:banc' });
    await eventually(() => expect(facilitator.state()?.vote?.totals).toEqual({ 'shape:banc': 1 }));
    expect(alex.state()?.vote?.totals).toBeNull();
    expect(await send(alex.socket, 'vote:cast', { shapeId: 'shape:inconnue' })).toMatchObject({ code: 'note_not_found' });
    expect(await send(alex.socket, 'vote:cast', { shapeId: 'shape:frame' })).toMatchObject({ code: 'note_not_found' });
  });

  it("keeps a participant's dots after reconnecting and after a server restart, and lets them withdraw one", async () => {
    const facilitator = await connect(session.access.token);
    const { grant, client: alex } = await join('Alex', 'elu');
    await send(facilitator.socket, 'vote:open', settings);
    await send(alex.socket, 'vote:cast', { shapeId: 'shape:banc' });
    await send(alex.socket, 'vote:cast', { shapeId: 'shape:navette' });
    alex.close();

    const again = await connect(grant.token);
    await eventually(() => expect(again.state()?.vote).toMatchObject({ remaining: 1 }));

    for (const c of sockets.splice(0)) c.close();
    board.destroy();
    t = await t.restart();
    board = connectYjsClient(t.wsUrl, session.id, { token: session.access.token });
    const afterRestart = await connect(grant.token);
    await eventually(() =>
      expect(afterRestart.state()?.vote).toMatchObject({ remaining: 1, myDots: { 'shape:banc': 1, 'shape:navette': 1 } }),
    );
    expect((await send(afterRestart.socket, 'vote:withdraw', { shapeId: 'shape:banc' })).ok).toBe(true);
    await eventually(() => expect(afterRestart.state()?.vote).toMatchObject({ remaining: 2, myDots: { 'shape:navette': 1 } }));
    expect(await send(afterRestart.socket, 'vote:withdraw', { shapeId: 'shape:banc' })).toMatchObject({ code: 'no_dot_on_note' });
  });

  it('shows everyone the ranked results with the breakdown by collège once closed, and takes no more dots', async () => {
    const facilitator = await connect(session.access.token);
    const { client: alex } = await join('Alex', 'elu');
    const { client: inès } = await join('Inès', 'habitant');
    const { client: sam } = await join('Sam', 'habitant');
    await send(facilitator.socket, 'vote:open', { ...settings, budget: 5 });
    for (const [who, id] of [
      [alex, 'shape:banc'],
      [alex, 'shape:banc'],
      [alex, 'shape:navette'],
      [inès, 'shape:navette'],
      [inès, 'shape:navette'],
      [sam, 'shape:navette'],
      [sam, 'shape:banc'],
    ] as const) {
      expect((await send(who.socket, 'vote:cast', { shapeId: id })).ok).toBe(true);
    }
    expect((await send(facilitator.socket, 'vote:close')).ok).toBe(true);
    await eventually(() =>
      expect(sam.state()?.vote).toMatchObject({
        status: 'closed',
        voters: 3,
        totals: { 'shape:banc': 3, 'shape:navette': 4 },
        results: [
          { shapeId: 'shape:navette', total: 4, byCollege: { elu: 1, habitant: 3 }, text: 'Une navette' },
          { shapeId: 'shape:banc', total: 3, byCollege: { elu: 2, habitant: 1 }, text: 'Un banc' },
        ],
      }),
    );
    expect(await send(alex.socket, 'vote:cast', { shapeId: 'shape:banc' })).toMatchObject({ code: 'vote_not_open' });
  });

  it('takes dots only on notes of the canvas the vote is on', async () => {
    board.records.set('shape:cadre', {
      id: 'shape:cadre',
      typeName: 'shape',
      type: 'frame',
      parentId: 'page:page',
      x: 0,
      y: 0,
      props: { w: 1000, h: 1000 },
      meta: { trame: { canvasId: 'probleme', role: 'frame' } },
    });
    board.records.set('shape:dedans', { ...fakeNote('dedans', 'Dedans'), parentId: 'page:page', x: 100, y: 100 });
    board.records.set('shape:dehors', { ...fakeNote('dehors', 'Dehors'), parentId: 'page:page', x: 3000, y: 100 });
    const facilitator = await connect(session.access.token);
    const { client: alex } = await join('Alex', 'elu');
    await serverHas('shape:cadre', 'shape:dedans', 'shape:dehors');
    await send(facilitator.socket, 'vote:open', { ...settings, canvasId: 'probleme' });
    expect((await send(alex.socket, 'vote:cast', { shapeId: 'shape:dedans' })).ok).toBe(true);
    expect(await send(alex.socket, 'vote:cast', { shapeId: 'shape:dehors' })).toMatchObject({ code: 'note_not_on_canvas' });
  });
});
