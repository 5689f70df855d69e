/**
 * The bench's venue phone (bench/DrainingSocket.ts): it negotiates compression as a browser does, joins, leaves
 * the compressed batches unread while counting their bytes, and what it writes is accepted like a browser's.
 * Beside it, a light participant reading plain frames times the same edits.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { LightParticipant, editMarker } from '../../bench/LightParticipant.js';
import { now } from '../../bench/roomLoadProtocol.js';
import { BOARD_VIEW_PARAM, LIST_VIEW } from '../../shared/paths.js';
import { createSession, joinSession } from '../helpers/api.js';
import { noteRecord } from '../helpers/records.js';
import { serverPerFile } from '../helpers/serverPerFile.js';
import { connectYjsClient, eventually, whenSynced, type YjsClient } from '../helpers/yjsClient.js';

// Batches go out as one shared message from this many people on: the room is « large » at three.
const env = serverPerFile({ largeRoomPeers: 3 });
const closing: (() => void)[] = [];
afterEach(() => {
  for (const close of closing.splice(0)) close();
});

describe("the bench's venue phone", () => {
  it('joins, counts the compressed batches without reading them, and writes notes the others receive', async () => {
    const session = await createSession(env.t.url);
    const writer: YjsClient = connectYjsClient(env.t.wsUrl, session.id, { token: session.access.token });
    closing.push(() => writer.destroy());
    const grant = await joinSession(env.t.url, session.joinCode, 'Salle', 'habitant');
    const list = { token: grant.token, [BOARD_VIEW_PARAM]: LIST_VIEW };
    const draining = new LightParticipant(env.t.wsUrl, session.id, list, { deflate: true, drain: true });
    const timing = new LightParticipant(env.t.wsUrl, session.id, list);
    closing.push(() => draining.close(), () => timing.close());
    await Promise.all([whenSynced(writer), draining.ready, timing.ready]);

    let readByDraining = 0;
    draining.onEdit = () => (readByDraining += 1);
    const timed = new Set<string>();
    timing.onEdit = ({ marker }) => timed.add(marker);
    const drainedBefore = draining.receivedBytes;
    const timedBefore = timing.receivedBytes;

    const sent: string[] = [];
    for (let i = 0; i < 40; i++) {
      // Four notes an edit: batches past the kilobyte from which a shared message is compressed.
      writer.doc.transact(() => {
        for (let k = 0; k < 4; k++) {
          const marker = editMarker(0, i * 4 + k, now());
          const note = noteRecord(`n${i}-${k}`, `Une idée de la salle, la ${i * 4 + k}e ${marker}`, { x: i * 20, y: k * 20 });
          writer.records.set(note.id, note);
          sent.push(marker);
        }
      });
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await eventually(() => expect([...timed].sort()).toEqual([...sent].sort()));
    await eventually(() => expect(draining.receivedBytes - drainedBefore).toBeGreaterThan(0));
    expect(readByDraining).toBe(0);
    // The same batches, compressed once by the server for every phone that negotiated it.
    expect(draining.receivedBytes - drainedBefore).toBeLessThan((timing.receivedBytes - timedBefore) / 2);

    const mine = noteRecord('depuis-la-salle', 'Écrite par un téléphone qui ne lit pas', { x: 5, y: 5 }, { participantId: grant.participantId, college: 'habitant' });
    draining.setRecord(mine);
    await eventually(() => expect(writer.records.get(mine.id)).toMatchObject({ meta: { trame: { authorId: grant.participantId } } }));
  });
});
