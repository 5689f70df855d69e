import { afterEach, describe, expect, it } from 'vitest';
import { createSession, joinSession } from '../helpers/api.js';
import { connectWithRefusals, type TrustedClient } from '../helpers/boardTrust.js';
import { crashAndRecover, killableServers } from '../helpers/crashRecovery.js';
import { readStoredBoard } from '../helpers/readStoredBoard.js';
import { noteRecord } from '../helpers/records.js';
import { eventually, whenSynced } from '../helpers/yjsClient.js';

describe('a server killed with SIGKILL while participants edit', () => {
  const clients: TrustedClient[] = [];
  const servers = killableServers();
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy();
    await servers.cleanUp();
  });

  // Two child-process servers (before and after the kill), each compiled by tsx at start, and 20 joins: slow on a busy host.
  it('gets back every edit from the 20 reconnecting clients, including those it had not written', { timeout: 150_000 }, async () => {
    const report = await crashAndRecover(20);
    expect(report.unwrittenAtKill).toBeGreaterThan(0);
    expect(report).toMatchObject({ missingOnClients: 0, missingOnFreshClient: 0, missingStored: 0 });
  });

  it("takes a lost note from its author, not from the participant who reconnects first with a copy", { timeout: 90_000 }, async () => {
    const { dataDir, start } = await servers.prepare();
    let server = await start();
    const session = await createSession(server.url);
    const aliceGrant = await joinSession(server.url, session.joinCode, 'Alice', 'habitant');
    const bobGrant = await joinSession(server.url, session.joinCode, 'Bob', 'elu');
    const alice = await connectWithRefusals(server, session.id, aliceGrant.token);
    const bob = await connectWithRefusals(server, session.id, bobGrant.token);
    clients.push(alice, bob);

    // Alice's notes (signed by her client, as Trame's client does) reach Bob but not the disk; one is moved after.
    const alicesAuthor = { participantId: aliceGrant.participantId, college: 'habitant' };
    const first = noteRecord('alice-first', 'Une piste cyclable', { x: 0, y: 0 }, alicesAuthor);
    const moved = { ...noteRecord('alice-moved', 'Des bancs', { x: 300, y: 0 }, alicesAuthor), y: 150 };
    alice.records.set(first.id, first);
    alice.records.set(moved.id, { ...moved, y: 0 });
    alice.records.set(moved.id, moved);
    await eventually(() => expect(bob.records.get(moved.id)).toEqual(moved));
    await server.kill();
    expect((await readStoredBoard(dataDir, session.id)).has(first.id)).toBe(false);

    // Bob reconnects first, and sends back Alice's notes with his own state.
    alice.provider.disconnect();
    server = await start();
    await whenSynced(bob, 30_000);
    const bobNote = noteRecord('bob-idea', 'Un marché couvert', { x: 0, y: 300 }, { participantId: bobGrant.participantId, college: 'elu' });
    bob.records.set(bobNote.id, bobNote);
    const facilitator = await connectWithRefusals(server, session.id, session.access.token);
    clients.push(facilitator);
    await eventually(() => expect(facilitator.records.get(bobNote.id)).toEqual(bobNote));
    expect(bob.refusals).toEqual([]);

    alice.provider.connect();
    await whenSynced(alice, 30_000);
    for (const view of [facilitator, bob, alice]) {
      await eventually(() => {
        expect(view.records.get(first.id)).toEqual(first);
        expect(view.records.get(moved.id)).toEqual(moved);
      });
    }
    expect(alice.refusals).toEqual([]);
    await server.stop();
    const stored = await readStoredBoard(dataDir, session.id);
    expect(stored.get(first.id)).toEqual(first);
    expect(stored.get(moved.id)).toEqual(moved);
    expect(stored.get(bobNote.id)).toEqual(bobNote);
  });
});
