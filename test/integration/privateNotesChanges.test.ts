/**
 * Private notes go out as changes, each only to its author and to facilitators: a new note costs the
 * facilitators that note, not the room's whole list, and no other participant ever receives it before the
 * reveal, whatever they send (stock socket.io client, events outside the contract included).
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { PrivateNotesChange } from '../../shared/facilitation.js';
import { createSession, joinSession } from '../helpers/api.js';
import { connectFacilitation, getState, send, type FacilitationClient } from '../helpers/facilitationClient.js';
import { serverPerFile } from '../helpers/serverPerFile.js';
import { eventually, fakeNote } from '../helpers/yjsClient.js';

const SECRET = 'Fermer la rue le dimanche';
const settle = () => new Promise((r) => setTimeout(r, 400));

const env = serverPerFile();
const sockets: FacilitationClient[] = [];
afterEach(() => {
  for (const c of sockets.splice(0)) c.close();
});

/** A socket.io client that also keeps every event it received, in order. */
async function listening(sessionId: string, token: string) {
  const client = await connectFacilitation(env.t.url, sessionId, token);
  sockets.push(client);
  const heard: [string, unknown][] = [];
  client.socket.onAny((event: string, payload: unknown) => heard.push([event, payload]));
  const changes = () => heard.filter(([event]) => event === 'private:changed').map(([, change]) => change as PrivateNotesChange);
  return { ...client, heard, changes };
}

async function privateStep() {
  const session = await createSession(env.t.url);
  const alexGrant = await joinSession(env.t.url, session.joinCode, 'Alex', 'elu');
  const samGrant = await joinSession(env.t.url, session.joinCode, 'Sam', 'habitant');
  const facilitator = await listening(session.id, session.access.token);
  const alex = await listening(session.id, alexGrant.token);
  const sam = await listening(session.id, samGrant.token);
  expect((await send(facilitator.socket, 'private:set', { enabled: true })).ok).toBe(true);
  await eventually(() => expect(sam.state()?.privateWriting).toBe(true));
  return { session, alexGrant, samGrant, facilitator, alex, sam };
}

describe('private notes sent as changes', () => {
  it("sends a participant's new private note to the facilitators and its author only, as that one note", async () => {
    const { facilitator, alex, sam } = await privateStep();
    for (const n of [1, 2, 3]) expect(await send(sam.socket, 'private:upsert', { record: fakeNote(`sam-${n}`, `Idée ${n} de Sam`) })).toEqual({ ok: true });
    await eventually(() => expect(facilitator.privateNotes()).toHaveLength(3));
    await settle();
    for (const client of [facilitator, alex, sam]) client.heard.length = 0;

    expect(await send(alex.socket, 'private:upsert', { record: fakeNote('alex-secret', SECRET) })).toEqual({ ok: true });
    await eventually(() => expect(facilitator.changes()).toHaveLength(1));
    await settle();
    // The facilitator hears of Alex's note alone (not Sam's three again), and its new count.
    expect(facilitator.changes()[0]!.upserted.map((n) => n.id)).toEqual(['shape:alex-secret']);
    expect(facilitator.changes()[0]!.removed).toEqual([]);
    expect(facilitator.heard.map(([event]) => event).sort()).toEqual(['facilitation:state', 'private:changed']);
    expect(facilitator.state()?.privateNoteCount).toBe(4);
    expect(alex.changes().map((c) => c.upserted.map((n) => n.id))).toEqual([['shape:alex-secret']]);
    // Sam hears nothing at all: nothing he may see changed.
    expect(sam.heard).toEqual([]);

    expect(await send(alex.socket, 'private:delete', { id: 'shape:alex-secret' })).toEqual({ ok: true });
    await eventually(() => expect(facilitator.changes().at(-1)).toEqual({ upserted: [], removed: ['shape:alex-secret'] }));
    await eventually(() => expect(alex.privateNotes()).toEqual([]));
    await settle();
    expect(sam.heard).toEqual([]);
  });

  it('never gives another participant an unrevealed note, whatever they send', async () => {
    const { session, samGrant, facilitator, alex, sam } = await privateStep();
    const note = fakeNote('alex-secret', SECRET);
    expect(await send(alex.socket, 'private:upsert', { record: note })).toEqual({ ok: true });
    await eventually(() => expect(facilitator.privateNotes().map((n) => n.id)).toEqual(['shape:alex-secret']));

    // Sam, with a modified client: overwrites, deletes, asks for the state, and emits server events himself.
    const answers = [
      await send(sam.socket, 'private:upsert', { record: fakeNote('alex-secret', 'Écrasée par Sam') }),
      await send(sam.socket, 'private:delete', { id: 'shape:alex-secret' }),
      await getState(sam.socket),
      await send(sam.socket, 'private:reveal'),
    ];
    // Events the server only sends: nobody listens to them, they answer nothing.
    const raw = sam.socket as unknown as { emit(event: string, payload: unknown): void };
    raw.emit('private:notes', {});
    raw.emit('private:changed', { upserted: [], removed: ['shape:alex-secret'] });
    expect(answers[0]).toMatchObject({ ok: false, code: 'not_author' });
    expect(answers[1]).toMatchObject({ ok: false, code: 'not_author' });
    expect(answers[3]).toMatchObject({ ok: false, code: 'forbidden' });
    // Alex keeps writing meanwhile.
    expect(await send(alex.socket, 'private:upsert', { record: fakeNote('alex-secret', `${SECRET}, l'été`) })).toEqual({ ok: true });
    await eventually(() => expect(JSON.stringify(facilitator.privateNotes())).toContain("l'été"));

    // Sam reconnects: his greeting holds his own notes only (none).
    const again = await listening(session.id, samGrant.token);
    await eventually(() => expect(again.state()?.privateWriting).toBe(true));
    await settle();
    expect(again.privateNotes()).toEqual([]);
    for (const heard of [JSON.stringify(sam.heard), JSON.stringify(answers), JSON.stringify(again.heard)]) {
      expect(heard).not.toContain('Fermer la rue');
      expect(heard).not.toContain('alex-secret');
    }
    expect(facilitator.privateNotes()).toHaveLength(1);
    expect(JSON.stringify(facilitator.privateNotes())).not.toContain('Écrasée par Sam');
  });
});
