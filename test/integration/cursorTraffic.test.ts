/**
 * Who may speak for a cursor, and what goes over the wire: at 300 phones on
 * one board, echoes and per-edit messages were most of the traffic.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { afterEach, describe, expect, it } from 'vitest';
import { sendOwnAwarenessOnly } from '../../client/board/sendOwnAwarenessOnly.js';
import { boardClients } from '../../shared/boardLayout.js';
import { createSession } from '../helpers/api.js';
import { serverPerFile } from '../helpers/serverPerFile.js';
import { tapFrames, updateWriters } from '../helpers/socketFrames.js';
import { connectYjsClient, eventually, fakeNote, whenSynced, type YjsClient } from '../helpers/yjsClient.js';

const MESSAGE_SYNC = 0;
const MESSAGE_AWARENESS = 1;

// At three peers the stock interval (10 ms at 100) is 0.3 ms: too short to say edits are gathered. At this one
// they go out at most every 30 ms, as in a room of 300 with the stock interval.
const env = serverPerFile({ fanOutIntervalMs: 1_000 });
const clients: YjsClient[] = [];
afterEach(() => {
  for (const c of clients.splice(0)) c.destroy();
});

async function board(count: number): Promise<YjsClient[]> {
  const { id, access } = await createSession(env.t.url);
  const joined = Array.from({ length: count }, () => connectYjsClient(env.t.wsUrl, id, { token: access.token }));
  clients.push(...joined);
  await Promise.all(joined.map((c) => whenSynced(c)));
  return joined;
}

const names = (c: YjsClient) => [...c.provider.awareness.getStates().values()].map((s) => s.user?.name as string);

/** The client ids in the awareness messages among `frames`. */
function awarenessClientIds(frames: Uint8Array[]): number[] {
  const ids: number[] = [];
  for (const frame of frames) {
    const decoder = decoding.createDecoder(frame);
    if (decoding.readVarUint(decoder) !== MESSAGE_AWARENESS) continue;
    const update = decoding.createDecoder(decoding.readVarUint8Array(decoder));
    const count = decoding.readVarUint(update);
    for (let i = 0; i < count; i++) {
      ids.push(decoding.readVarUint(update));
      decoding.readVarUint(update);
      decoding.readVarString(update);
    }
  }
  return ids;
}


describe('cursors', () => {
  it("refuses a participant's attempt to change or erase someone else's cursor", async () => {
    const [camille, intruder, watcher] = await board(3);
    camille!.provider.awareness.setLocalStateField('user', { name: 'Camille' });
    await eventually(() => expect(names(watcher!)).toContain('Camille'));
    const seen = new Set<string>();
    watcher!.provider.awareness.on('change', () => names(watcher!).forEach((n) => seen.add(n)));

    const forged = (state: string) => {
      const update = encoding.createEncoder();
      encoding.writeVarUint(update, 1);
      encoding.writeVarUint(update, camille!.doc.clientID);
      encoding.writeVarUint(update, 1_000);
      encoding.writeVarString(update, state);
      const message = encoding.createEncoder();
      encoding.writeVarUint(message, MESSAGE_AWARENESS);
      encoding.writeVarUint8Array(message, encoding.toUint8Array(update));
      (intruder!.provider.ws as unknown as { send(d: Uint8Array): void }).send(encoding.toUint8Array(message));
    };
    forged(JSON.stringify({ user: { name: 'Usurpateur' } }));
    forged('null');
    // Sent after the forgeries on the same socket: once it arrives, they have been handled.
    intruder!.provider.awareness.setLocalStateField('user', { name: 'Dominique' });
    await eventually(() => expect(names(watcher!)).toContain('Dominique'));

    expect(seen.has('Usurpateur')).toBe(false);
    expect(names(watcher!)).toContain('Camille');
  });

  it("removes a reconnected participant's cursor when it leaves", async () => {
    const [camille, watcher] = await board(2);
    camille!.provider.awareness.setLocalStateField('user', { name: 'Camille' });
    await eventually(() => expect(names(watcher!)).toContain('Camille'));
    // Same document, same awareness id: the server has seen it before and now sees it again as an update.
    camille!.provider.disconnect();
    await eventually(() => expect(names(watcher!)).not.toContain('Camille'));
    camille!.provider.connect();
    await whenSynced(camille!);
    // As Trame's client does once reconnected: the state re-sent on connection keeps its old clock and is ignored.
    camille!.provider.awareness.setLocalStateField('user', { name: 'Camille' });
    await eventually(() => expect(names(watcher!)).toContain('Camille'));

    (camille!.provider.ws as unknown as { terminate(): void }).terminate();
    camille!.provider.shouldConnect = false;
    await eventually(() => expect(names(watcher!)).not.toContain('Camille'), 5_000);
  });

  it("has Trame's client send only its own cursor, where the stock provider sends back everyone's", async () => {
    const [speaker, trame, stock] = await board(3);
    sendOwnAwarenessOnly(trame!.provider);
    const [trameFrames, stockFrames] = [tapFrames(trame!), tapFrames(stock!)];
    trame!.provider.awareness.setLocalStateField('user', { name: 'Trame' });
    stock!.provider.awareness.setLocalStateField('user', { name: 'Stock' });
    speaker!.provider.awareness.setLocalStateField('user', { name: 'Oratrice' });
    await eventually(() => {
      expect(names(trame!)).toContain('Oratrice');
      expect(names(stock!)).toContain('Oratrice');
    });

    expect(new Set(awarenessClientIds(trameFrames.sent))).toEqual(new Set([trame!.doc.clientID]));
    expect(awarenessClientIds(stockFrames.sent)).toContain(speaker!.doc.clientID);
  });
});

describe('cursor bandwidth', () => {
  it('sends a room with heavy cursors less often, to stay near 64 KB/s per participant', async () => {
    // Seven writers (a token holds eight connections at most), each state just under the server's 2 KB limit.
    const people = await board(8);
    const watcher = people.pop()!;
    const frames = tapFrames(watcher);
    const heavy = 'x'.repeat(1_900);
    const startedAt = Date.now();
    while (Date.now() - startedAt < 2_000) {
      for (const person of people) person.provider.awareness.setLocalStateField('presence', { heavy, at: Date.now() });
      await new Promise((r) => setTimeout(r, 50));
    }
    const bytes = frames.received.filter((f) => f[0] === MESSAGE_AWARENESS).reduce((sum, f) => sum + f.byteLength, 0);
    // Unbounded, 14 KB of cursors every 50 ms would be 560 KB over the 2 s.
    expect(bytes).toBeLessThan(64_000 * 2 + 33_000);
    expect(bytes).toBeGreaterThan(32_000);
  });
});

describe('edits', () => {
  it('reach every other participant, gathered, and never come back to their writer', async () => {
    const [a, b, c] = await board(3);
    // A writer's first edit has the server write down whose client id it is (once): done before counting.
    a!.records.set('shape:a-first', fakeNote('a-first', 'A'));
    b!.records.set('shape:b-first', fakeNote('b-first', 'B'));
    await eventually(() => {
      for (const x of [a, b, c]) expect([a, b].every((y) => boardClients(x!.doc).has(String(y!.doc.clientID)))).toBe(true);
    });
    const before = a!.records.size;
    const frames = [a, b, c].map((x) => tapFrames(x!));
    for (let i = 0; i < 5; i++) {
      a!.records.set(`shape:a${i}`, fakeNote(`a${i}`, `A ${i}`));
      b!.records.set(`shape:b${i}`, fakeNote(`b${i}`, `B ${i}`));
    }
    await eventually(() => {
      for (const x of [a, b, c]) expect(x!.records.size).toBe(before + 10);
    });

    expect(updateWriters(frames[0]!.received)).toEqual(new Set([b!.doc.clientID]));
    expect(updateWriters(frames[1]!.received)).toEqual(new Set([a!.doc.clientID]));
    expect(updateWriters(frames[2]!.received)).toEqual(new Set([a!.doc.clientID, b!.doc.clientID]));
    // Ten edits made in one go arrive in fewer messages than edits.
    const updates = frames[2]!.received.filter((f) => f[0] === MESSAGE_SYNC);
    expect(updates.length).toBeLessThan(10);
  });
});
