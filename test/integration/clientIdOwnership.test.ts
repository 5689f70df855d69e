/**
 * A participant writes only under their own Yjs client id. Anyone can read another's client id from the
 * updates and cursors they receive; writing under it would sign as that person and take the clocks of their
 * next edits. The server leaves such items out, whether the owner is connected or away.
 */
import type WebSocket from 'ws';
import * as Y from 'yjs';
import { afterEach, describe, expect, it } from 'vitest';
import { boardClients, trameMeta } from '../../shared/boardLayout.js';
import { updateMessage } from '../../server/collaboration/yjsMessages.js';
import { joinSession } from '../helpers/api.js';
import { connectWithRefusals, openTrustBoard, type TrustedClient } from '../helpers/boardTrust.js';
import { disguisedCursor, forgedUnder, rawBoardSocket } from '../helpers/forgedClients.js';
import { noteRecord } from '../helpers/records.js';
import { serverPerFile } from '../helpers/serverPerFile.js';
import { eventually, whenSynced } from '../helpers/yjsClient.js';

const env = serverPerFile();
const clients: TrustedClient[] = [];
const sockets: WebSocket[] = [];
afterEach(() => {
  for (const c of clients.splice(0)) c.destroy();
  for (const s of sockets.splice(0)) s.terminate();
});

/** A bare WebSocket on the board, which never announces a cursor. */
async function rawSocket(sessionId: string, token: string): Promise<WebSocket> {
  const ws = await rawBoardSocket(env.t.wsUrl, sessionId, token);
  sockets.push(ws);
  return ws;
}

/** A client opening the board now, with the facilitator's token: it sees what the server holds. */
async function freshView(sessionId: string, token: string): Promise<TrustedClient> {
  const fresh = await connectWithRefusals(env.t, sessionId, token);
  clients.push(fresh);
  return fresh;
}

describe('Yjs client ids belong to the participant who uses them', () => {
  it("leaves out what a participant writes under another participant's client id, and keeps the owner's next edits", async () => {
    const board = await openTrustBoard(env.t);
    clients.push(...board.clients);
    const { alice, bob, facilitator } = board;
    const aliceNote = noteRecord('alice-idea', 'Une piste cyclable', { x: 0, y: 0 }, { participantId: board.aliceId, college: 'habitant' });
    alice.records.set(aliceNote.id, aliceNote);
    await eventually(() => expect(bob.records.get(aliceNote.id)).toEqual(aliceNote));

    // Bob read Alice's client id from her update and writes as her: a note signed Alice, one unsigned, her note changed.
    const forged = forgedUnder(alice.doc.clientID, bob.doc, (records) => {
      records.set('shape:forged-signed', noteRecord('forged-signed', 'Signé Alice', { x: 300, y: 0 }, { participantId: board.aliceId, college: 'habitant' }));
      records.set('shape:forged-plain', noteRecord('forged-plain', 'Sans signature', { x: 600, y: 0 }));
      records.set(aliceNote.id, { ...aliceNote, x: 9_000 });
    });
    bob.provider.ws!.send(updateMessage(forged));
    // Alice's next edit uses the very clocks the forgery took.
    const aliceNext = noteRecord('alice-next', 'Des bancs', { x: 0, y: 300 }, { participantId: board.aliceId, college: 'habitant' });
    alice.records.set(aliceNext.id, aliceNext);

    for (const view of [facilitator, await freshView(board.session.id, board.session.access.token)]) {
      await eventually(() => expect(view.records.get(aliceNext.id)).toEqual(aliceNext));
      expect(view.records.get(aliceNote.id)).toEqual(aliceNote);
      expect(view.records.has('shape:forged-signed')).toBe(false);
      expect(view.records.has('shape:forged-plain')).toBe(false);
    }
    // Bob's own edits still go through.
    const bobNote = noteRecord('bob-idea', 'Un marché couvert', { x: 0, y: 600 }, { participantId: board.bobId, college: 'elu' });
    bob.records.set(bobNote.id, bobNote);
    await eventually(() => expect(facilitator.records.get(bobNote.id)).toEqual(bobNote));

    env.t = await env.t.restart();
    const afterRestart = await freshView(board.session.id, board.session.access.token);
    expect(afterRestart.records.get(aliceNext.id)).toEqual(aliceNext);
    expect(afterRestart.records.get(aliceNote.id)).toEqual(aliceNote);
    expect(afterRestart.records.has('shape:forged-signed')).toBe(false);
  });

  it("refuses another participant's client id while its owner is away, as a cursor and for writing", async () => {
    const board = await openTrustBoard(env.t);
    clients.push(...board.clients);
    const { alice, facilitator } = board;
    const aliceNote = noteRecord('alice-idea', 'Une piste cyclable', { x: 0, y: 0 }, { participantId: board.aliceId, college: 'habitant' });
    alice.records.set(aliceNote.id, aliceNote);
    await eventually(() => expect(facilitator.records.get(aliceNote.id)).toEqual(aliceNote));
    const aliceId = alice.doc.clientID;
    alice.provider.disconnect();
    await eventually(() => expect(facilitator.provider.awareness.getStates().has(aliceId)).toBe(false));

    // Carol, a participant on a bare socket, announces Alice's client id as her cursor, then writes under it.
    const carolGrant = await joinSession(env.t.url, board.session.joinCode, 'Carol', 'habitant');
    const carol = await rawSocket(board.session.id, carolGrant.token);
    carol.send(disguisedCursor(aliceId, 'Alice'));
    carol.send(
      updateMessage(
        forgedUnder(aliceId, facilitator.doc, (records) => {
          records.set('shape:carol-as-alice', noteRecord('carol-as-alice', 'Écrit par Carol', { x: 300, y: 0 }));
        }),
      ),
    );
    // Carol's own note, under a client id of her own, is taken: the socket is alive and heard.
    const carolNote = noteRecord('carol', 'De Carol', { x: 0, y: 900 });
    carol.send(updateMessage(forgedUnder(new Y.Doc().clientID, facilitator.doc, (records) => records.set(carolNote.id, carolNote))));
    await eventually(() => expect(trameMeta(facilitator.records.get('shape:carol')!)?.authorId).toBe(carolGrant.participantId));
    expect(facilitator.provider.awareness.getStates().has(aliceId)).toBe(false);
    expect(facilitator.records.has('shape:carol-as-alice')).toBe(false);

    // Alice comes back with the same document: her edits are hers, at the clocks Carol tried to take.
    alice.provider.connect();
    await whenSynced(alice);
    const aliceNext = noteRecord('alice-next', 'Des bancs', { x: 0, y: 300 }, { participantId: board.aliceId, college: 'habitant' });
    alice.records.set(aliceNext.id, aliceNext);
    const fresh = await freshView(board.session.id, board.session.access.token);
    await eventually(() => expect(fresh.records.get(aliceNext.id)).toEqual(aliceNext));
    expect(fresh.records.has('shape:carol-as-alice')).toBe(false);
    // Her cursor is hers to show again.
    alice.provider.awareness.setLocalStateField('cursor', { x: 1, y: 1 });
    await eventually(() => expect(facilitator.provider.awareness.getStates().has(aliceId)).toBe(true));
  });

  it("keeps a participant's client id theirs after the board is unloaded and loaded again, naming nobody", async () => {
    const board = await openTrustBoard(env.t);
    clients.push(...board.clients);
    const { alice } = board;
    const aliceNote = noteRecord('alice-idea', 'Une piste cyclable', { x: 0, y: 0 }, { participantId: board.aliceId, college: 'habitant' });
    alice.records.set(aliceNote.id, aliceNote);
    const aliceId = alice.doc.clientID;
    await eventually(() => expect(board.facilitator.records.get(aliceNote.id)).toEqual(aliceNote));
    alice.provider.disconnect();
    env.t = await env.t.restart();

    // The board is loaded again for Carol, first on it, who announces and writes under Alice's client id.
    const carolGrant = await joinSession(env.t.url, board.session.joinCode, 'Carol', 'habitant');
    const carol = await rawSocket(board.session.id, carolGrant.token);
    const watcher = await freshView(board.session.id, board.session.access.token);
    carol.send(disguisedCursor(aliceId, 'Alice'));
    carol.send(updateMessage(forgedUnder(aliceId, watcher.doc, (records) => records.set('shape:carol-as-alice', noteRecord('carol-as-alice', 'Écrit par Carol', { x: 300, y: 0 })))));
    const carolNote = noteRecord('carol', 'De Carol', { x: 0, y: 900 });
    carol.send(updateMessage(forgedUnder(new Y.Doc().clientID, watcher.doc, (records) => records.set(carolNote.id, carolNote))));
    await eventually(() => expect(trameMeta(watcher.records.get('shape:carol')!)?.authorId).toBe(carolGrant.participantId));
    expect(watcher.provider.awareness.getStates().has(aliceId)).toBe(false);

    alice.provider.connect();
    await whenSynced(alice);
    const aliceNext = noteRecord('alice-next', 'Des bancs', { x: 0, y: 300 }, { participantId: board.aliceId, college: 'habitant' });
    alice.records.set(aliceNext.id, aliceNext);
    await eventually(() => expect(watcher.records.get(aliceNext.id)).toEqual(aliceNext));
    expect(watcher.records.has('shape:carol-as-alice')).toBe(false);
    // The board knows whose client ids are whose without naming anyone by id.
    const owners = JSON.stringify([...boardClients(watcher.doc).entries()]);
    expect(boardClients(watcher.doc).has(String(aliceId))).toBe(true);
    for (const id of [board.aliceId, board.bobId, carolGrant.participantId]) expect(owners).not.toContain(id);
  });
});
