/**
 * Who owns a Yjs client id is the board's, not one instance's: a participant cannot take, on one instance, the
 * client id another announced on the other one, whether its owner is still there or gone, and its owner writes
 * with it again wherever they reconnect.
 */
import type WebSocket from 'ws';
import { afterEach, describe, expect, it } from 'vitest';
import { trameMeta } from '../../shared/boardLayout.js';
import { updateMessage } from '../../server/collaboration/yjsMessages.js';
import { createSession, joinSession } from '../helpers/api.js';
import { connectWithRefusals, type TrustedClient } from '../helpers/boardTrust.js';
import { hasScaleOut } from '../helpers/engines.js';
import { disguisedCursor, forgedUnder, rawBoardSocket } from '../helpers/forgedClients.js';
import { noteRecord } from '../helpers/records.js';
import { twoInstancesPerFile } from '../helpers/twoInstancesPerFile.js';
import { eventually, whenSynced } from '../helpers/yjsClient.js';

describe.skipIf(!hasScaleOut)('Yjs client ids across two instances', () => {
  const env = twoInstancesPerFile();
  const clients: TrustedClient[] = [];
  const sockets: WebSocket[] = [];
  afterEach(() => {
    for (const c of clients.splice(0)) c.destroy();
    for (const s of sockets.splice(0)) s.terminate();
  });
  const open = async (wsUrl: string, sessionId: string, token: string) => {
    const client = await connectWithRefusals({ wsUrl }, sessionId, token);
    clients.push(client);
    return client;
  };

  it('refuses on one instance the client id a participant holds on the other, while they are there and once they left', async () => {
    const session = await createSession(env.first.url);
    const aliceGrant = await joinSession(env.first.url, session.joinCode, 'Alice', 'habitant');
    const carolGrant = await joinSession(env.first.url, session.joinCode, 'Carol', 'habitant');
    const alice = await open(env.first.wsUrl, session.id, aliceGrant.token);
    const watcher = await open(env.second.wsUrl, session.id, session.access.token);
    const aliceAuthor = { participantId: aliceGrant.participantId, college: 'habitant' };
    const aliceNote = noteRecord('alice-idea', 'Une piste cyclable', { x: 0, y: 0 }, aliceAuthor);
    alice.records.set(aliceNote.id, aliceNote);
    await eventually(() => expect(watcher.records.get(aliceNote.id)).toEqual(aliceNote));
    const aliceId = alice.doc.clientID;

    // Carol, on the other instance, on a bare socket: Alice's client id as her cursor, then a note under it.
    const carol = await rawBoardSocket(env.second.wsUrl, session.id, carolGrant.token);
    sockets.push(carol);
    const tryAsAlice = (label: string) => {
      carol.send(disguisedCursor(aliceId, 'Alice'));
      carol.send(updateMessage(forgedUnder(aliceId, watcher.doc, (records) => records.set(`shape:${label}`, noteRecord(label, 'Écrit par Carol', { x: 300, y: 0 })))));
    };
    tryAsAlice('while-alice-is-there');

    // Alice leaves; her cursor is gone from both instances. Carol tries again.
    alice.provider.disconnect();
    await eventually(() => expect(watcher.provider.awareness.getStates().has(aliceId)).toBe(false));
    tryAsAlice('once-alice-left');
    // Carol's own note, under a client id of hers, is taken: the socket is alive and heard.
    carol.send(updateMessage(forgedUnder(4_242_424, watcher.doc, (records) => records.set('shape:carol', noteRecord('carol', 'De Carol', { x: 0, y: 900 })))));
    await eventually(() => expect(trameMeta(watcher.records.get('shape:carol')!)?.authorId).toBe(carolGrant.participantId));
    expect(watcher.provider.awareness.getStates().has(aliceId)).toBe(false);

    // Alice comes back, on the second instance this time: her edits at the clocks Carol tried to take land everywhere.
    alice.provider.serverUrl = env.second.wsUrl;
    alice.provider.connect();
    await whenSynced(alice);
    const aliceNext = noteRecord('alice-next', 'Des bancs', { x: 0, y: 300 }, aliceAuthor);
    alice.records.set(aliceNext.id, aliceNext);
    for (const t of [env.first, env.second]) {
      const fresh = await open(t.wsUrl, session.id, session.access.token);
      await eventually(() => expect(fresh.records.get(aliceNext.id)).toEqual(aliceNext));
      expect(fresh.records.get(aliceNote.id)).toEqual(aliceNote);
      expect(fresh.records.has('shape:while-alice-is-there')).toBe(false);
      expect(fresh.records.has('shape:once-alice-left')).toBe(false);
    }
    alice.provider.awareness.setLocalStateField('cursor', { x: 1, y: 1 });
    await eventually(() => expect(watcher.provider.awareness.getStates().has(aliceId)).toBe(true));
  });
});
