/**
 * A phone's list of ideas (`vue=liste` on its board socket) draws no cursor: the server sends it none, only the
 * board's changes, and an empty message when the board falls quiet so that the stock client's silence watchdog
 * never reconnects it. Here « quiet » is 600 ms.
 */
import * as decoding from 'lib0/decoding';
import { afterEach, describe, expect, it } from 'vitest';
import { BOARD_VIEW_PARAM, LIST_VIEW } from '../../shared/paths.js';
import { createSession, joinSession } from '../helpers/api.js';
import { noteRecord } from '../helpers/records.js';
import { serverPerFile } from '../helpers/serverPerFile.js';
import { connectYjsClient, eventually, whenSynced, type YjsClient } from '../helpers/yjsClient.js';

const MESSAGE_AWARENESS = 1;

const env = serverPerFile({ quietSocketKeepAliveMs: 600 });
const clients: YjsClient[] = [];
afterEach(() => {
  for (const c of clients.splice(0)) c.destroy();
});

/** Each awareness message a client receives, as the number of cursor states it carries. */
function tapAwareness(c: YjsClient): number[] {
  const counts: number[] = [];
  const ws = c.provider.ws as unknown as { on(e: 'message', f: (d: Buffer) => void): void };
  ws.on('message', (data) => {
    const decoder = decoding.createDecoder(new Uint8Array(data));
    if (decoding.readVarUint(decoder) !== MESSAGE_AWARENESS) return;
    counts.push(decoding.readVarUint(decoding.createDecoder(decoding.readVarUint8Array(decoder))));
  });
  return counts;
}

async function room() {
  const session = await createSession(env.t.url);
  const facilitator = connectYjsClient(env.t.wsUrl, session.id, { token: session.access.token });
  const onCanvas = connectYjsClient(env.t.wsUrl, session.id, { token: (await joinSession(env.t.url, session.joinCode!, 'Sur la toile')).token });
  const grant = await joinSession(env.t.url, session.joinCode!, 'Au téléphone');
  const phone = connectYjsClient(env.t.wsUrl, session.id, { token: grant.token, [BOARD_VIEW_PARAM]: LIST_VIEW });
  clients.push(facilitator, onCanvas, phone);
  await Promise.all(clients.map((c) => whenSynced(c)));
  // As the list view does: no cursor of its own.
  phone.provider.awareness.setLocalState(null);
  return { facilitator, onCanvas, phone, phoneId: grant.participantId };
}

describe("a phone's list of ideas", () => {
  it('receives the board changes and no cursor, while the canvases see each other move', async () => {
    const { facilitator, onCanvas, phone } = await room();
    const phoneMessages = tapAwareness(phone);
    facilitator.provider.awareness.setLocalStateField('mark', 'facilitator');
    onCanvas.provider.awareness.setLocalStateField('mark', 'on-canvas');
    await eventually(() => expect([...onCanvas.provider.awareness.getStates().values()].map((s) => s.mark)).toContain('facilitator'));
    await eventually(() => expect([...facilitator.provider.awareness.getStates().values()].map((s) => s.mark)).toContain('on-canvas'));

    facilitator.records.set('shape:from-canvas', noteRecord('from-canvas', 'Une idée posée par l’animatrice', { x: 0, y: 0 }));
    await eventually(() => expect(phone.records.get('shape:from-canvas')).toBeDefined());
    // Only empty keep-alives may have reached it, never a cursor.
    expect(phoneMessages.every((states) => states === 0)).toBe(true);
    expect([...phone.provider.awareness.getStates().keys()].filter((id) => id !== phone.doc.clientID)).toEqual([]);
  });

  it("still writes ideas that everyone receives", async () => {
    const { facilitator, onCanvas, phone, phoneId } = await room();
    phone.records.set('shape:from-phone', noteRecord('from-phone', 'Une idée écrite au téléphone', { x: 400, y: 0 }, { participantId: phoneId, college: 'habitant' }));
    await eventually(() => {
      for (const c of [facilitator, onCanvas]) expect(c.records.get('shape:from-phone')).toBeDefined();
    });
  });

  it('is sent an empty message whenever the board has been quiet, so it never falls silent', async () => {
    const { phone } = await room();
    const phoneMessages = tapAwareness(phone);
    const silences: number[] = [];
    let last = performance.now();
    const ws = phone.provider.ws as unknown as { on(e: 'message', f: () => void): void };
    ws.on('message', () => {
      silences.push(performance.now() - last);
      last = performance.now();
    });
    await new Promise((r) => setTimeout(r, 3_000));
    expect(phoneMessages.length).toBeGreaterThanOrEqual(3);
    expect(phoneMessages.every((states) => states === 0)).toBe(true);
    expect(Math.max(...silences, performance.now() - last)).toBeLessThan(1_000);
    expect(phone.provider.wsconnected).toBe(true);
  });
});
