/**
 * An edit sent while the board is paused is written back and its sender told
 * so; the same connection's edits after « Reprendre » land at once, and the
 * refused one never does, not even after a reconnection.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { joinSession } from '../helpers/api.js';
import { connectWithRefusals, encodedBoard, openTrustBoard, type TrustedClient } from '../helpers/boardTrust.js';
import { connectFacilitation, send, type FacilitationClient } from '../helpers/facilitationClient.js';
import { noteRecord } from '../helpers/records.js';
import { serverPerFile } from '../helpers/serverPerFile.js';
import { eventually, whenSynced } from '../helpers/yjsClient.js';

const env = serverPerFile();
const opened: TrustedClient[] = [];
const sockets: FacilitationClient[] = [];
afterAll(() => {
  opened.forEach((c) => c.destroy());
  sockets.forEach((s) => s.close());
});

describe('an edit refused during a pause', () => {
  it("is written back, and the sender's later edits land without reconnecting", async () => {
    const board = await openTrustBoard(env.t);
    opened.push(...board.clients);
    const { session, facilitator } = board;
    const grant = await joinSession(env.t.url, session.joinCode, 'Sacha', 'agent');
    const sacha = await connectWithRefusals(env.t, session.id, grant.token);
    opened.push(sacha);
    const animation = await connectFacilitation(env.t.url, session.id, session.access.token);
    sockets.push(animation);
    const author = { participantId: grant.participantId, college: 'agent' };

    expect((await send(animation.socket, 'pause:set', { paused: true })).ok).toBe(true);
    const during = noteRecord('pendant', 'ÉCRIT PENDANT LA PAUSE', { x: 0, y: 0 }, author);
    sacha.records.set(during.id, during);
    await eventually(() => expect(sacha.refusals).toEqual(['paused']));
    await eventually(() => expect(sacha.records.has(during.id)).toBe(false));

    expect((await send(animation.socket, 'pause:set', { paused: false })).ok).toBe(true);
    const after = noteRecord('apres', 'Après la pause', { x: 0, y: 0 }, author);
    sacha.records.set(after.id, after);
    await eventually(() => expect(facilitator.records.get(after.id)).toEqual(after));

    sacha.provider.disconnect();
    sacha.provider.connect();
    await whenSynced(sacha);
    await new Promise((r) => setTimeout(r, 300));
    expect(facilitator.records.has(during.id)).toBe(false);
    expect(encodedBoard(facilitator.doc)).not.toContain('PENDANT LA PAUSE');
    expect(sacha.refusals).toEqual(['paused']);
  });
});
