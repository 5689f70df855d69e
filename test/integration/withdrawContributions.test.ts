import { afterAll, describe, expect, it } from 'vitest';
import type { ContributionsWithdrawn, SessionView } from '../../shared/sessionSchemas.js';
import { authed, createSession, joinSession } from '../helpers/api.js';
import { connectFacilitation, getState, send, type FacilitationClient } from '../helpers/facilitationClient.js';
import { noteRecord } from '../helpers/records.js';
import { STORAGE_ENGINES } from '../helpers/storageEngines.js';
import type { TestServer } from '../helpers/startTestServer.js';
import { connectYjsClient, eventually, whenSynced, type YjsClient } from '../helpers/yjsClient.js';

const cleanup: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const step of cleanup.reverse()) await step();
});


const withdraw = (t: TestServer, sessionId: string, token?: string) =>
  fetch(`${t.url}/api/sessions/${sessionId}/me/contributions`, token ? authed(token, { method: 'DELETE' }) : { method: 'DELETE' });

describe.each(STORAGE_ENGINES)('« Supprimer mes contributions » on $name', (engine) => {
  it.skipIf(engine.skip)("removes only that participant's notes, private notes, dots and pseudonym, live and for good", async () => {
    let t = await engine.start(cleanup);
    const session = await createSession(t.url, { title: 'Atelier mobilités' });
    const zoe = await joinSession(t.url, session.joinCode, 'Zoé', 'elu');
    const malik = await joinSession(t.url, session.joinCode, 'Malik', 'habitant');
    const sockets: FacilitationClient[] = [];
    const boards: YjsClient[] = [];
    const board = async (token: string) => {
      const client = connectYjsClient(t.wsUrl, session.id, { token });
      boards.push(client);
      await whenSynced(client);
      return client;
    };

    // Each writes through their own board connection: the server stamps the notes with their ids.
    const zoeBoard = await board(zoe.token);
    zoeBoard.records.set('shape:bus', noteRecord('bus', 'Un bus le dimanche', { x: 0, y: 0 }));
    zoeBoard.records.set('shape:navette', noteRecord('navette', 'Une navette vers la gare', { x: 300, y: 0 }));
    const malikBoard = await board(malik.token);
    malikBoard.records.set('shape:banc', noteRecord('banc', 'Des bancs place du marché', { x: 0, y: 300 }));
    await eventually(() => expect([...malikBoard.records.keys()]).toEqual(expect.arrayContaining(['shape:bus', 'shape:navette', 'shape:banc'])));

    const [facilitator, zoeSocket, malikSocket] = await Promise.all(
      [session.access.token, zoe.token, malik.token].map((token) => connectFacilitation(t.url, session.id, token)),
    );
    sockets.push(facilitator!, zoeSocket!, malikSocket!);
    await send(facilitator!.socket, 'vote:open', { canvasId: null, budget: 3, maxPerNote: 2, showTotals: true });
    expect(await send(zoeSocket!.socket, 'vote:cast', { shapeId: 'shape:banc' })).toMatchObject({ ok: true });
    expect(await send(malikSocket!.socket, 'vote:cast', { shapeId: 'shape:bus' })).toMatchObject({ ok: true });
    expect(await send(malikSocket!.socket, 'vote:cast', { shapeId: 'shape:banc' })).toMatchObject({ ok: true });
    await send(facilitator!.socket, 'private:set', { enabled: true });
    const privateNote = (id: string, text: string) => ({ record: noteRecord(id, text, { x: 900, y: 900 }) });
    expect(await send(zoeSocket!.socket, 'private:upsert', privateNote('secret-zoe', 'Mon idée à moi'))).toMatchObject({ ok: true });
    expect(await send(malikSocket!.socket, 'private:upsert', privateNote('secret-malik', "L'idée de Malik"))).toMatchObject({ ok: true });

    // Nobody else can withdraw for her, and a facilitator has nothing to withdraw this way.
    expect((await withdraw(t, session.id)).status).toBe(401);
    const asFacilitator = await withdraw(t, session.id, session.access.token);
    expect(asFacilitator.status).toBe(403);
    expect((await asFacilitator.json()).error.code).toBe('participants_only');

    const done = await withdraw(t, session.id, zoe.token);
    expect(done.status).toBe(200);
    expect((await done.json()) as ContributionsWithdrawn).toEqual({ shapes: 2, privateNotes: 1, dots: 1 });

    // Malik's connected client sees her notes go; his stays.
    await eventually(() => {
      expect(malikBoard.records.has('shape:bus')).toBe(false);
      expect(malikBoard.records.has('shape:navette')).toBe(false);
      expect(malikBoard.records.has('shape:banc')).toBe(true);
    });
    // His dot on her removed note is given back; his dot on his own note stays; her dot is gone.
    const malikState = await getState(malikSocket!.socket);
    expect(malikState).toMatchObject({ ok: true, data: { vote: { myDots: { 'shape:banc': 1 }, remaining: 2, totals: { 'shape:banc': 1 } } } });
    // Her private note is gone, his is still waiting for the reveal.
    const facilitatorState = await getState(facilitator!.socket);
    expect(facilitatorState).toMatchObject({ ok: true, data: { privateNoteCount: 1 } });

    // Her access ends; the facilitator sees that one person withdrew, not who.
    expect((await fetch(`${t.url}/api/sessions/${session.id}/me`, authed(zoe.token))).status).toBe(401);
    const view = (await (await fetch(`${t.url}/api/sessions/${session.id}`, authed(session.access.token))).json()) as SessionView;
    expect(view.contributionsWithdrawn).toBe(1);
    const stored = await t.server.sessions.get(session.id);
    expect(stored!.participants.find((p) => p.id === zoe.participantId)?.pseudonym).toBe('Participant·e');
    expect(JSON.stringify(stored)).not.toContain('Zoé');

    for (const s of sockets) s.close();
    for (const b of boards) b.destroy();
    t = await t.restart();
    const records = await t.server.boards.records(session.id);
    expect(records.map((r) => r.id)).toContain('shape:banc');
    expect(records.some((r) => r.id === 'shape:bus' || r.id === 'shape:navette')).toBe(false);
    expect(JSON.stringify(records)).not.toContain(zoe.participantId);
    await t.close();
  });
});
