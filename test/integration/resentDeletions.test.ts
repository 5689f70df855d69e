/**
 * A deletion a reconnecting client sends back, of a note its participant may not delete, waits for someone who
 * may: after a crash, the first client back carries the deletions of others, which its author's (or the
 * facilitator's) client confirms a moment later; a participant who deleted someone else's note offline gets it
 * back, with « not-yours », once nobody confirmed it within the grace period. Nothing is deleted on the say of a
 * participant who may not delete it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { boardClients } from '../../shared/boardLayout.js';
import { createSession, joinSession } from '../helpers/api.js';
import { connectWithRefusals, openTrustBoard, type TrustedClient } from '../helpers/boardTrust.js';
import { killableServers } from '../helpers/crashRecovery.js';
import { readStoredBoard } from '../helpers/readStoredBoard.js';
import { noteRecord } from '../helpers/records.js';
import { serverPerFile } from '../helpers/serverPerFile.js';
import { eventually, whenSynced } from '../helpers/yjsClient.js';

const env = serverPerFile({ resentDeletionGraceMs: 1_000 });
const clients: TrustedClient[] = [];
const servers = killableServers();
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await servers.cleanUp();
});

describe('deletions sent back on reconnecting', () => {
  it('applies deletions lost in a crash once their author and the facilitator send them back, though another participant sent them first', { timeout: 120_000 }, async () => {
    const { dataDir, start } = await servers.prepare();
    let server = await start();
    const session = await createSession(server.url);
    const aliceGrant = await joinSession(server.url, session.joinCode, 'Alice', 'habitant');
    const bobGrant = await joinSession(server.url, session.joinCode, 'Bob', 'elu');
    const facilitator = await connectWithRefusals(server, session.id, session.access.token);
    const alice = await connectWithRefusals(server, session.id, aliceGrant.token);
    const bob = await connectWithRefusals(server, session.id, bobGrant.token);
    clients.push(facilitator, alice, bob);

    const author = { participantId: aliceGrant.participantId, college: 'habitant' };
    const byAlice = noteRecord('deleted-by-alice', 'Une piste cyclable', { x: 0, y: 0 }, author);
    const byFacilitator = noteRecord('deleted-by-facilitator', 'Hors sujet', { x: 300, y: 0 }, author);
    const kept = noteRecord('kept', 'Des bancs', { x: 600, y: 0 }, author);
    for (const note of [byAlice, byFacilitator, kept]) alice.records.set(note.id, note);
    await eventually(async () => expect((await readStoredBoard(dataDir, session.id)).has(kept.id)).toBe(true), 10_000);

    // Deleted by their rightful deleters, seen deleted by Bob, and the server killed before it wrote the deletions.
    alice.records.delete(byAlice.id);
    facilitator.records.delete(byFacilitator.id);
    await eventually(() => expect([bob.records.has(byAlice.id), bob.records.has(byFacilitator.id)]).toEqual([false, false]));
    await server.kill();
    const stored = await readStoredBoard(dataDir, session.id);
    expect([stored.has(byAlice.id), stored.has(byFacilitator.id)]).toEqual([true, true]);

    // Bob's client is back first and sends both deletions: held, neither applied nor written back.
    alice.provider.disconnect();
    facilitator.provider.disconnect();
    server = await start();
    await whenSynced(bob, 30_000);
    const fresh = await connectWithRefusals(server, session.id, session.access.token);
    clients.push(fresh);
    expect([fresh.records.has(byAlice.id), fresh.records.has(byFacilitator.id)]).toEqual([true, true]);
    expect(bob.refusals).toEqual([]);

    alice.provider.connect();
    facilitator.provider.connect();
    await whenSynced(alice, 30_000);
    await whenSynced(facilitator, 30_000);
    for (const view of [fresh, facilitator, alice, bob]) {
      await eventually(() => expect([view.records.has(byAlice.id), view.records.has(byFacilitator.id)]).toEqual([false, false]));
      expect(view.records.get(kept.id)).toEqual(kept);
    }
    expect([...alice.refusals, ...bob.refusals, ...facilitator.refusals]).toEqual([]);
    await server.stop();
    const after = await readStoredBoard(dataDir, session.id);
    expect([after.has(byAlice.id), after.has(byFacilitator.id), after.has(kept.id)]).toEqual([false, false, true]);
  });

  it("gives back, with « not-yours », another's note that a participant deleted offline, and deletes it for nobody", async () => {
    const board = await openTrustBoard(env.t);
    clients.push(...board.clients);
    const { alice, bob, facilitator } = board;
    const aliceNote = noteRecord('alice-idea', 'Une piste cyclable', { x: 0, y: 0 }, { participantId: board.aliceId, college: 'habitant' });
    alice.records.set(aliceNote.id, aliceNote);
    await eventually(() => expect(bob.records.get(aliceNote.id)).toEqual(aliceNote));

    // Offline, Bob deletes Alice's note and writes his own; both go in the state his client sends back.
    bob.provider.disconnect();
    bob.records.delete(aliceNote.id);
    const bobNote = noteRecord('bob-idea', 'Un marché couvert', { x: 0, y: 300 }, { participantId: board.bobId, college: 'elu' });
    bob.records.set(bobNote.id, bobNote);
    bob.provider.connect();
    await whenSynced(bob);
    await eventually(() => expect(facilitator.records.get(bobNote.id)).toEqual(bobNote));
    expect(facilitator.records.get(aliceNote.id)).toEqual(aliceNote);

    // Nobody confirms the deletion: Bob gets the note back and is told why.
    await eventually(() => expect(bob.records.get(aliceNote.id)).toEqual(aliceNote));
    expect(bob.refusals).toEqual(['not-yours']);
    for (const view of [facilitator, alice]) expect(view.records.get(aliceNote.id)).toEqual(aliceNote);

    env.t = await env.t.restart();
    const afterRestart = await connectWithRefusals(env.t, board.session.id, board.session.access.token);
    clients.push(afterRestart);
    expect(afterRestart.records.get(aliceNote.id)).toEqual(aliceNote);
    expect(afterRestart.records.get(bobNote.id)).toEqual(bobNote);
  });

  it("leaves out a participant's removal of a client-id owner, the server's alone, and takes the rest of their state", async () => {
    const board = await openTrustBoard(env.t);
    clients.push(...board.clients);
    const { alice, bob, facilitator } = board;
    alice.records.set('shape:alice-idea', noteRecord('alice-idea', 'Une piste cyclable', { x: 0, y: 0 }, { participantId: board.aliceId, college: 'habitant' }));
    const aliceId = String(alice.doc.clientID);
    await eventually(() => expect(boardClients(bob.doc).has(aliceId)).toBe(true));

    // As after a withdrawal lost in a crash: Bob's state removes Alice's entry, and holds a note of his own.
    bob.provider.disconnect();
    boardClients(bob.doc).delete(aliceId);
    const bobNote = noteRecord('bob-idea', 'Un marché couvert', { x: 0, y: 300 }, { participantId: board.bobId, college: 'elu' });
    bob.records.set(bobNote.id, bobNote);
    bob.provider.connect();
    await whenSynced(bob);
    await eventually(() => expect(facilitator.records.get(bobNote.id)).toEqual(bobNote));
    expect(boardClients(facilitator.doc).has(aliceId)).toBe(true);
    expect(bob.refusals).toEqual([]);
  });
});
