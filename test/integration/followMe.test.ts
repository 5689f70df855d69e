import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CameraBounds } from '../../shared/facilitation.js';
import { createSession, joinSession, type CreatedSession } from '../helpers/api.js';
import { connectFacilitation, send, type FacilitationClient } from '../helpers/facilitationClient.js';
import { removeDataDir, startTestServer, type TestServer } from '../helpers/startTestServer.js';
import { eventually } from '../helpers/yjsClient.js';

describe('« Tout le monde me suit »', () => {
  let t: TestServer;
  let session: CreatedSession;
  const sockets: FacilitationClient[] = [];
  const connect = async (token: string) => {
    const client = await connectFacilitation(t.url, session.id, token);
    sockets.push(client);
    return client;
  };
  const cameras = (client: FacilitationClient) => {
    const seen: CameraBounds[] = [];
    client.socket.on('follow:camera', (b) => seen.push(b));
    return seen;
  };

  beforeEach(async () => {
    t = await startTestServer();
    session = await createSession(t.url);
  });
  afterEach(async () => {
    for (const c of sockets.splice(0)) c.close();
    await t.close();
    await removeDataDir(t.dataDir);
  });

  it("relays the leader's camera to participants, gives late comers the last one, and ignores anyone else's", async () => {
    const alexGrant = await joinSession(t.url, session.joinCode, 'Alex', 'elu');
    const facilitator = await connect(session.access.token);
    const alex = await connect(alexGrant.token);
    const seenByAlex = cameras(alex);
    expect((await send(facilitator.socket, 'follow:start')).ok).toBe(true);
    await eventually(() =>
      expect(alex.state()?.follow).toEqual({ leaderId: session.access.participantId, leaderName: 'Animation' }),
    );
    facilitator.socket.emit('follow:camera', { x: 100, y: 200, w: 1280, h: 800 });
    await eventually(() => expect(seenByAlex).toEqual([{ x: 100, y: 200, w: 1280, h: 800 }]));

    alex.socket.emit('follow:camera', { x: 0, y: 0, w: 1, h: 1 });
    const samGrant = await joinSession(t.url, session.joinCode, 'Sam', 'habitant');
    const sam = await connect(samGrant.token);
    const seenBySam = cameras(sam);
    sam.socket.disconnect().connect();
    await eventually(() => expect(seenBySam).toEqual([{ x: 100, y: 200, w: 1280, h: 800 }]));

    expect((await send(facilitator.socket, 'follow:stop')).ok).toBe(true);
    await eventually(() => expect(sam.state()?.follow).toBeNull());
  });
});
