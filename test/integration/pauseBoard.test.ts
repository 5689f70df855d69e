import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSession, joinSession, type CreatedSession } from '../helpers/api.js';
import { connectFacilitation, send, type FacilitationClient } from '../helpers/facilitationClient.js';
import { removeDataDir, startTestServer, type TestServer } from '../helpers/startTestServer.js';
import { connectYjsClient, eventually, fakeNote, whenSynced, type YjsClient } from '../helpers/yjsClient.js';

const settle = () => new Promise((r) => setTimeout(r, 400));

describe('pausing the board', () => {
  let t: TestServer;
  let session: CreatedSession;
  const sockets: FacilitationClient[] = [];
  const boards: YjsClient[] = [];
  const board = async (token: string) => {
    const client = connectYjsClient(t.wsUrl, session.id, { token });
    boards.push(client);
    await whenSynced(client);
    return client;
  };
  const connect = async (token: string) => {
    const client = await connectFacilitation(t.url, session.id, token);
    sockets.push(client);
    return client;
  };
  const closeAll = () => {
    for (const c of sockets.splice(0)) c.close();
    for (const b of boards.splice(0)) b.destroy();
  };

  beforeEach(async () => {
    t = await startTestServer();
    session = await createSession(t.url);
  });
  afterEach(async () => {
    closeAll();
    await t.close();
    await removeDataDir(t.dataDir);
  });

  it("drops participants' edits while paused, also after a restart, and accepts them again after « Reprendre »", async () => {
    const grant = await joinSession(t.url, session.joinCode, 'Alex', 'elu');
    const facilitator = await connect(session.access.token);
    const participant = await connect(grant.token);
    expect((await send(facilitator.socket, 'pause:set', { paused: true })).ok).toBe(true);
    await eventually(() => expect(participant.state()?.paused).toBe(true));

    closeAll();
    t = await t.restart();
    const facilitatorBoard = await board(session.access.token);
    const participantBoard = await board(grant.token);
    participantBoard.records.set('shape:pendant', fakeNote('pendant', 'pendant la pause'));
    facilitatorBoard.records.set('shape:animation', fakeNote('animation', "l'animation écrit"));
    await eventually(() => expect(participantBoard.records.has('shape:animation')).toBe(true));
    await settle();
    expect(facilitatorBoard.records.has('shape:pendant')).toBe(false);

    const facilitatorAgain = await connect(session.access.token);
    expect((await send(facilitatorAgain.socket, 'pause:set', { paused: false })).ok).toBe(true);
    // A client whose edits were dropped holds updates the server lacks; Yjs then
    // holds back its later ones, so the check uses a fresh connection, as a reload gives.
    const reloaded = await board(grant.token);
    reloaded.records.set('shape:apres', fakeNote('apres', 'après la pause'));
    await eventually(() => expect(facilitatorBoard.records.has('shape:apres')).toBe(true));
  });
});
