/**
 * Edits in a « grande salle » (here from four connections): every peer receives each batch as the same message,
 * its writers included — one merge and one buffer for the whole room, whatever the number of writers. Smaller
 * rooms keep sending edits to everyone but their writer (test/integration/cursorTraffic.test.ts).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { boardClients } from '../../shared/boardLayout.js';
import { createSession } from '../helpers/api.js';
import { serverPerFile } from '../helpers/serverPerFile.js';
import { tapFrames, updateWriters } from '../helpers/socketFrames.js';
import { connectYjsClient, eventually, fakeNote, whenSynced, type YjsClient } from '../helpers/yjsClient.js';

const MESSAGE_SYNC = 0;

// Edits go out at most every 40 ms at four peers: ten made in one go are gathered.
const env = serverPerFile({ largeRoomPeers: 4, fanOutIntervalMs: 1_000 });
const clients: YjsClient[] = [];
afterEach(() => {
  for (const c of clients.splice(0)) c.destroy();
});

describe('edits in a large room', () => {
  it('reach every peer, their writers included, as one identical message per batch', async () => {
    const { id, access } = await createSession(env.t.url);
    const room = Array.from({ length: 4 }, () => connectYjsClient(env.t.wsUrl, id, { token: access.token }));
    clients.push(...room);
    await Promise.all(room.map((c) => whenSynced(c)));
    const [a, b] = room;
    a!.records.set('shape:a-first', fakeNote('a-first', 'A'));
    b!.records.set('shape:b-first', fakeNote('b-first', 'B'));
    await eventually(() => {
      for (const x of room) expect([a, b].every((y) => boardClients(x.doc).has(String(y!.doc.clientID)))).toBe(true);
    });
    const before = a!.records.size;
    const frames = room.map((x) => tapFrames(x));
    for (let i = 0; i < 5; i++) {
      a!.records.set(`shape:a${i}`, fakeNote(`a${i}`, `A ${i}`));
      b!.records.set(`shape:b${i}`, fakeNote(`b${i}`, `B ${i}`));
    }
    await eventually(() => {
      for (const x of room) expect(x.records.size).toBe(before + 10);
    });
    await new Promise((r) => setTimeout(r, 200));

    const updates = frames.map((f) => f.received.filter((frame) => frame[0] === MESSAGE_SYNC).map((frame) => Buffer.from(frame).toString('base64')));
    for (const received of updates) expect(received).toEqual(updates[0]);
    expect(updates[0]!.length).toBeLessThan(10);
    for (const f of frames) expect(updateWriters(f.received)).toEqual(new Set([a!.doc.clientID, b!.doc.clientID]));
    // Their own edits coming back change nothing for the writers: each note once, as written.
    expect(a!.records.get('shape:a4')).toEqual(b!.records.get('shape:a4'));
    expect(a!.records.size).toBe(room[3]!.records.size);
  });
});
