/**
 * Cursors carry the name and colour the server knows: a stock client that
 * claims another name, announces many cursors or a huge one is stamped and
 * bounded before anyone sees it.
 */
import * as encoding from 'lib0/encoding';
import { afterAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { COLLEGE_HEX } from '../../shared/roles.js';
import { MessageType } from '../../server/collaboration/yjsMessages.js';
import { createSession, joinSession } from '../helpers/api.js';
import { serverPerFile } from '../helpers/serverPerFile.js';
import { connectYjsClient, eventually, whenSynced, type YjsClient } from '../helpers/yjsClient.js';

const env = serverPerFile();
const opened: YjsClient[] = [];
afterAll(() => opened.forEach((c) => c.destroy()));

function awarenessFrame(states: [number, unknown][]): Uint8Array {
  const update = encoding.createEncoder();
  encoding.writeVarUint(update, states.length);
  for (const [clientId, state] of states) {
    encoding.writeVarUint(update, clientId);
    encoding.writeVarUint(update, 1);
    encoding.writeVarString(update, JSON.stringify(state));
  }
  const message = encoding.createEncoder();
  encoding.writeVarUint(message, MessageType.Awareness);
  encoding.writeVarUint8Array(message, encoding.toUint8Array(update));
  return encoding.toUint8Array(message);
}

const fake = (name: string) => ({ presence: { userId: 'user:animation', userName: name, color: '#000000', cursor: { x: 1, y: 2, type: 'default', rotation: 0 } } });

describe('presence stamped by the server', () => {
  it('names every cursor after its token, keeps two per connection and none over 2 KB', async () => {
    const session = await createSession(env.t.url);
    const grant = await joinSession(env.t.url, session.joinCode, 'Dominique', 'habitant');
    const facilitator = connectYjsClient(env.t.wsUrl, session.id, { token: session.access.token });
    opened.push(facilitator);
    await whenSynced(facilitator);

    const ws = new WebSocket(`${env.t.wsUrl}/${session.id}?token=${grant.token}`);
    await new Promise((resolve) => ws.once('open', resolve));
    ws.send(awarenessFrame([[900_001, { presence: { ...fake('x').presence, scribbles: ['x'.repeat(3_000)] } }]]));
    ws.send(awarenessFrame(Array.from({ length: 50 }, (_, i) => [900_100 + i, fake('Animation officielle')] as [number, unknown])));

    const others = () => [...facilitator.provider.awareness.getStates()].filter(([id]) => id !== facilitator.doc.clientID);
    await eventually(() => expect(others()).toHaveLength(2));
    await new Promise((r) => setTimeout(r, 300));
    expect(others().map(([id]) => id)).toEqual([900_100, 900_101]);
    for (const [, state] of others()) {
      expect(state.presence).toMatchObject({ userName: 'Dominique', color: COLLEGE_HEX.habitant, userId: `user:${grant.participantId}` });
    }
    ws.close();
  });
});
