/**
 * Raw frames whose parts wait for dependencies the server has not seen: a
 * Yjs server keeps such parts pending, applies them with a later edit (even
 * a facilitator's, which is not checked) and sends them to every newcomer.
 * A participant's update may leave nothing pending.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { afterAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { REFUSAL_MESSAGE_TYPE } from '../../shared/boardRefusals.js';
import { boardRecords, trameMeta } from '../../shared/boardLayout.js';
import { updateMessage } from '../../server/collaboration/yjsMessages.js';
import { joinSession } from '../helpers/api.js';
import { connectWithRefusals, encodedBoard, openInTldraw, openTrustBoard, recordsOf, type TrustedClient } from '../helpers/boardTrust.js';
import { noteRecord } from '../helpers/records.js';
import { serverPerFile } from '../helpers/serverPerFile.js';
import { eventually } from '../helpers/yjsClient.js';

const env = serverPerFile();
const opened: TrustedClient[] = [];
afterAll(() => opened.forEach((c) => c.destroy()));

/** Sends raw update frames as a participant; resolves with the refusals heard within a moment. */
async function sendRaw(url: string, updates: Uint8Array[]): Promise<string[]> {
  const ws = new WebSocket(url);
  const refusals: string[] = [];
  ws.on('message', (data: Buffer) => {
    const decoder = decoding.createDecoder(new Uint8Array(data));
    if (decoding.readVarUint(decoder) === REFUSAL_MESSAGE_TYPE) refusals.push(decoding.readVarString(decoder));
  });
  await new Promise((resolve) => ws.once('open', resolve));
  for (const update of updates) ws.send(updateMessage(update));
  await eventually(() => expect(refusals.length).toBe(updates.length));
  ws.close();
  return refusals;
}

/** An update with no structs and a delete set over `len` ids of `client` from `clock`. */
function deleteSetUpdate(client: number, clock: number, len: number): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint(encoder, 1);
  encoding.writeVarUint(encoder, client);
  encoding.writeVarUint(encoder, 1);
  encoding.writeVarUint(encoder, clock);
  encoding.writeVarUint(encoder, len);
  return encoding.toUint8Array(encoder);
}

describe('updates with missing dependencies', () => {
  it("never apply later: not a participant's deletion aimed at the facilitator's next edits, nor structs missing their past", async () => {
    const board = await openTrustBoard(env.t, ['afom-du-territoire']);
    opened.push(...board.clients);
    const { facilitator, bob, session } = board;
    const grantUrl = (token: string) => `${env.t.wsUrl}/${session.id}?token=${token}`;
    const { token } = await joinSession(env.t.url, session.joinCode, 'Eve', 'autre');
    const before = recordsOf(facilitator);

    // Structs whose first half the server never receives.
    const forger = new Y.Doc();
    Y.applyUpdate(forger, Y.encodeStateAsUpdate(facilitator.doc));
    const sv = Y.encodeStateVector(forger);
    boardRecords(forger).set('shape:half', noteRecord('half', 'PREMIÈRE MOITIÉ', { x: 0, y: 0 }));
    const mid = Y.encodeStateVector(forger);
    boardRecords(forger).set('shape:half', noteRecord('half', 'SECONDE MOITIÉ', { x: 0, y: 0 }));
    const secondHalf = Y.encodeStateAsUpdate(forger, mid);
    expect(Y.encodeStateAsUpdate(forger, sv).byteLength).toBeGreaterThan(secondHalf.byteLength);
    const facilitatorNext = Y.getState(facilitator.doc.store, facilitator.doc.clientID);

    expect(await sendRaw(grantUrl(token), [deleteSetUpdate(facilitator.doc.clientID, facilitatorNext, 10_000), secondHalf])).toEqual([
      'invalid',
      'invalid',
    ]);

    const idea = noteRecord('facilitator-idea', 'Consigne ajoutée', { x: 0, y: 0 });
    facilitator.records.set(idea.id, idea);
    const zone = [...facilitator.records.values()].find((r) => trameMeta(r)?.role === 'zone')!;
    facilitator.records.set(zone.id, { ...zone, x: (zone.x as number) + 10 });
    const expected = recordsOf(facilitator);
    await eventually(() => expect(recordsOf(bob)).toEqual(expected));
    expect(expected.size).toBe(before.size + 1);

    const fresh = await connectWithRefusals(env.t, session.id, session.access.token);
    opened.push(fresh);
    expect(recordsOf(fresh)).toEqual(expected);
    expect(fresh.doc.store.pendingStructs).toBeNull();
    expect(fresh.doc.store.pendingDs).toBeNull();
    expect(encodedBoard(fresh.doc)).not.toContain('MOITI');

    env.t = await env.t.restart();
    const afterRestart = await connectWithRefusals(env.t, session.id, session.access.token);
    opened.push(afterRestart);
    expect(recordsOf(afterRestart)).toEqual(expected);
    expect(afterRestart.doc.store.pendingStructs).toBeNull();
    expect(openInTldraw(afterRestart.doc)).toBe(expected.size);
  });
});
