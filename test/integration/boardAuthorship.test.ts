/**
 * A participant changes and deletes only their own notes and shapes, and
 * every note carries its author as the server knows them: a stock client
 * that tries otherwise is written back and told why.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { trameMeta } from '../../shared/boardLayout.js';
import { authed } from '../helpers/api.js';
import { connectWithRefusals, encodedBoard, openInTldraw, openTrustBoard, type TrustedClient } from '../helpers/boardTrust.js';
import { noteRecord } from '../helpers/records.js';
import { serverPerFile } from '../helpers/serverPerFile.js';
import { eventually } from '../helpers/yjsClient.js';

const env = serverPerFile();
const clients: TrustedClient[] = [];
afterEach(() => {
  for (const c of clients.splice(0)) c.destroy();
});

describe('authorship on the board', () => {
  it("refuses a participant's change and deletion of another's note, and keeps their own edits", async () => {
    const board = await openTrustBoard(env.t);
    clients.push(...board.clients);
    const { alice, bob, facilitator } = board;
    const aliceNote = noteRecord('alice-idea', 'Une piste cyclable', { x: 0, y: 0 }, { participantId: board.aliceId, college: 'habitant' });
    alice.records.set(aliceNote.id, aliceNote);
    await eventually(() => expect(bob.records.get(aliceNote.id)).toEqual(aliceNote));

    bob.records.set(aliceNote.id, { ...aliceNote, x: 4_000, props: { ...(aliceNote.props as object), color: 'red' } });
    await eventually(() => expect(bob.refusals).toEqual(['not-yours']));
    bob.records.delete(aliceNote.id);
    const bobNote = noteRecord('bob-idea', 'Un marché couvert', { x: 300, y: 0 }, { participantId: board.bobId, college: 'elu' });
    bob.records.set(bobNote.id, bobNote);

    for (const view of [alice, bob, facilitator]) {
      await eventually(() => {
        expect(view.records.get(aliceNote.id)).toEqual(aliceNote);
        expect(view.records.get(bobNote.id)).toEqual(bobNote);
      });
    }
    expect(bob.refusals).toEqual(['not-yours', 'not-yours']);
    expect(encodedBoard(facilitator.doc)).not.toContain('"red"');

    const moved = { ...aliceNote, x: 120 };
    alice.records.set(aliceNote.id, moved);
    await eventually(() => expect(bob.records.get(aliceNote.id)).toEqual(moved));
    expect(alice.refusals).toEqual([]);

    env.t = await env.t.restart();
    const fresh = await connectWithRefusals(env.t, board.session.id, board.session.access.token);
    clients.push(fresh);
    expect(fresh.records.get(aliceNote.id)).toEqual(moved);
    expect(fresh.records.get(bobNote.id)).toEqual(bobNote);
    expect(encodedBoard(fresh.doc)).not.toContain('"red"');
    expect(openInTldraw(fresh.doc)).toBeGreaterThan(2);
  });

  it('refuses a note claiming another author or collège, and stamps the writer on what carries no author', async () => {
    const board = await openTrustBoard(env.t);
    clients.push(...board.clients);
    const { alice, bob } = board;
    const forged = noteRecord('forged', 'Signé Bob', { x: 0, y: 0 }, { participantId: board.bobId, college: 'elu' });
    const wrongCollege = noteRecord('college', 'Je suis élue', { x: 0, y: 0 }, { participantId: board.aliceId, college: 'elu' });
    const unsigned = noteRecord('unsigned', 'Sans auteur', { x: 0, y: 0 });
    alice.records.set(forged.id, forged);
    alice.records.set(wrongCollege.id, wrongCollege);
    alice.records.set(unsigned.id, unsigned);

    await eventually(() => {
      expect(trameMeta(bob.records.get(unsigned.id)!)).toEqual({ authorId: board.aliceId, college: 'habitant' });
      expect(trameMeta(alice.records.get(unsigned.id)!)).toEqual({ authorId: board.aliceId, college: 'habitant' });
    });
    await eventually(() => expect(alice.refusals).toEqual(['invalid', 'invalid']));
    expect(bob.records.has(forged.id)).toBe(false);
    expect(alice.records.has(forged.id)).toBe(false);
    expect(bob.records.has(wrongCollege.id)).toBe(false);
  });

  it('lets everyone change everyone\'s notes once the facilitator allows it, and only then', async () => {
    const board = await openTrustBoard(env.t);
    clients.push(...board.clients);
    const { alice, bob, session } = board;
    const note = noteRecord('shared', 'À reformuler', { x: 0, y: 0 }, { participantId: board.aliceId, college: 'habitant' });
    alice.records.set(note.id, note);
    await eventually(() => expect(bob.records.get(note.id)).toEqual(note));

    const res = await fetch(`${env.t.url}/api/sessions/${session.id}`, authed(session.access.token, { method: 'PATCH', body: JSON.stringify({ everyoneEditsNotes: true }) }));
    expect(res.status).toBe(200);
    const edited = { ...note, x: 500 };
    bob.records.set(note.id, edited);
    await eventually(() => expect(alice.records.get(note.id)).toEqual(edited));
    expect(bob.refusals).toEqual([]);

    const stolen = { ...edited, meta: { trame: { authorId: board.bobId, college: 'elu' } } };
    bob.records.set(note.id, stolen);
    await eventually(() => expect(bob.refusals).toEqual(['invalid']));
    await eventually(() => expect(bob.records.get(note.id)).toEqual(edited));
  });
});
