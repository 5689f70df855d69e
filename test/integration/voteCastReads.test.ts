import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Stores } from '../../server/storage/createStores.js';
import { createSession, joinSession } from '../helpers/api.js';
import { connectFacilitation, send } from '../helpers/facilitationClient.js';
import { noteRecord } from '../helpers/records.js';
import { removeDataDir, startTestServer, type TestServer } from '../helpers/startTestServer.js';
import { connectYjsClient, eventually, whenSynced } from '../helpers/yjsClient.js';

const reads = { session: 0, facilitation: 0 };

/** The real stores, counting each read of a session record and of a facilitation record. */
function countingReads(stores: Stores): Stores {
  const { sessionStore, facilitationStore } = stores;
  const sessionGet = sessionStore.get.bind(sessionStore);
  const facilitationGet = facilitationStore.get.bind(facilitationStore);
  const facilitationUpdate = facilitationStore.update.bind(facilitationStore);
  sessionStore.get = (id) => {
    reads.session += 1;
    return sessionGet(id);
  };
  facilitationStore.get = (id) => {
    reads.facilitation += 1;
    return facilitationGet(id);
  };
  // An atomic update reads the record once, then writes it.
  facilitationStore.update = (id, initial, change) => {
    reads.facilitation += 1;
    return facilitationUpdate(id, initial, change);
  };
  return stores;
}

describe('a vote cast', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({}, { wrapStores: countingReads });
  });
  afterAll(async () => {
    await t.close();
    await removeDataDir(t.dataDir);
  });

  it('reads the session record and the facilitation record once each, and once more each to send the new state', async () => {
    const session = await createSession(t.url, { title: 'Atelier' });
    const alex = await joinSession(t.url, session.joinCode, 'Alex', 'habitant');
    const board = connectYjsClient(t.wsUrl, session.id, { token: alex.token });
    await whenSynced(board);
    board.records.set('shape:bus', noteRecord('bus', 'Un bus le dimanche', { x: 0, y: 0 }));
    await eventually(async () => expect((await t.server.boards.records(session.id)).some((r) => r.id === 'shape:bus')).toBe(true));
    const [facilitator, voter] = await Promise.all([
      connectFacilitation(t.url, session.id, session.access.token),
      connectFacilitation(t.url, session.id, alex.token),
    ]);
    await send(facilitator.socket, 'vote:open', { canvasId: null, budget: 3, maxPerNote: 2, showTotals: true });
    await eventually(() => expect(voter.state()?.vote?.status).toBe('open'));
    // Quiet: the open's broadcast is sent and nothing else is pending, the participant list included (sent to
    // facilitators at most twice a second, so the second connection's list may follow up to 500 ms later).
    await new Promise((r) => setTimeout(r, 800));

    reads.session = 0;
    reads.facilitation = 0;
    expect(await send(voter.socket, 'vote:cast', { shapeId: 'shape:bus' })).toMatchObject({ ok: true });
    await eventually(() => expect(voter.state()?.vote?.myDots).toEqual({ 'shape:bus': 1 }));
    await new Promise((r) => setTimeout(r, 300));
    // One each for the cast (its atomic change), one each for the broadcast that follows it.
    expect(reads).toEqual({ session: 2, facilitation: 2 });

    for (const c of [facilitator, voter]) c.close();
    board.destroy();
  });
});
