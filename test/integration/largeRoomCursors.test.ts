/**
 * A « grande salle » (a board with `largeRoomPeers` connections or more): participants receive the
 * facilitator's cursor at every flush and the others' a few at a time; facilitators still see everyone.
 * Here the threshold is five connections and one participant's cursor goes out per flush.
 */
import * as decoding from 'lib0/decoding';
import { afterEach, describe, expect, it } from 'vitest';
import { createSession, joinSession } from '../helpers/api.js';
import { serverPerFile } from '../helpers/serverPerFile.js';
import { connectYjsClient, eventually, whenSynced, type YjsClient } from '../helpers/yjsClient.js';

const MESSAGE_AWARENESS = 1;
const PARTICIPANTS = 4;

const env = serverPerFile({ largeRoomPeers: PARTICIPANTS + 1, crowdCursorsPerFlush: 1 });
const clients: YjsClient[] = [];
afterEach(() => {
  for (const c of clients.splice(0)) c.destroy();
});

async function room(): Promise<{ facilitator: YjsClient; participants: YjsClient[] }> {
  const session = await createSession(env.t.url);
  const facilitator = connectYjsClient(env.t.wsUrl, session.id, { token: session.access.token });
  const participants: YjsClient[] = [];
  for (let i = 0; i < PARTICIPANTS; i++) {
    const grant = await joinSession(env.t.url, session.joinCode!, `Participant ${i}`);
    participants.push(connectYjsClient(env.t.wsUrl, session.id, { token: grant.token }));
  }
  clients.push(facilitator, ...participants);
  await Promise.all(clients.map((c) => whenSynced(c)));
  return { facilitator, participants };
}

/** The marks every awareness state carries in these tests, as a client sees them. */
const marks = (c: YjsClient) => [...c.provider.awareness.getStates().values()].map((s) => s.mark as string | undefined).filter(Boolean);

/** How many participants' cursors (not the facilitator's) each awareness message a client receives carries. */
function tapParticipantCursors(c: YjsClient, facilitatorId: number): number[] {
  const counts: number[] = [];
  const ws = c.provider.ws as unknown as { on(e: 'message', f: (d: Buffer) => void): void };
  ws.on('message', (data) => {
    const decoder = decoding.createDecoder(new Uint8Array(data));
    if (decoding.readVarUint(decoder) !== MESSAGE_AWARENESS) return;
    const update = decoding.createDecoder(decoding.readVarUint8Array(decoder));
    let participants = 0;
    for (let i = decoding.readVarUint(update); i > 0; i--) {
      const id = decoding.readVarUint(update);
      decoding.readVarUint(update);
      const state = decoding.readVarString(update);
      if (id !== facilitatorId && state !== 'null') participants += 1;
    }
    counts.push(participants);
  });
  return counts;
}

describe('cursors in a large room', () => {
  it("sends every participant the facilitator's cursor at once and the others' a few at a time, all arriving", async () => {
    const { facilitator, participants } = await room();
    const watcher = participants[0]!;
    const counts = tapParticipantCursors(watcher, facilitator.doc.clientID);

    participants.forEach((p, i) => p.provider.awareness.setLocalStateField('mark', `participant-${i}`));
    facilitator.provider.awareness.setLocalStateField('mark', 'facilitator');

    await eventually(() => {
      for (const p of participants) expect(marks(p)).toContain('facilitator');
    }, 2_000);
    // Thinned, not dropped: every participant's cursor reaches everyone, facilitator included.
    await eventually(() => {
      for (const c of [facilitator, ...participants]) {
        expect(new Set(marks(c))).toEqual(new Set(['facilitator', ...participants.map((_, i) => `participant-${i}`)]));
      }
    });
    expect(counts.length).toBeGreaterThan(0);
    expect(Math.max(...counts)).toBeLessThanOrEqual(1);
  });

  it("keeps every stock client connected past its 30-second silence watchdog while cursors are thinned", { timeout: 60_000 }, async () => {
    const { facilitator, participants } = await room();
    participants.forEach((p, i) => p.provider.awareness.setLocalStateField('mark', `participant-${i}`));
    facilitator.provider.awareness.setLocalStateField('mark', 'facilitator');
    const drops: number[] = [];
    [facilitator, ...participants].forEach((c, i) =>
      c.provider.on('status', ({ status }: { status: string }) => {
        if (status !== 'connected') drops.push(i);
      }),
    );
    // Nothing is edited: only the clients' own 15-second renewals of their cursors keep the room talking.
    await new Promise((r) => setTimeout(r, 35_000));
    expect(drops).toEqual([]);
    for (const c of [facilitator, ...participants]) expect(c.provider.wsconnected).toBe(true);
  });
});
