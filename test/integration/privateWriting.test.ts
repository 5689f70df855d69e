import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { trameMeta, type BoardRecord } from '../../shared/boardLayout.js';
import { createSession, joinSession, type CreatedSession } from '../helpers/api.js';
import { connectFacilitation, send, type FacilitationClient } from '../helpers/facilitationClient.js';
import { removeDataDir, startTestServer, type TestServer } from '../helpers/startTestServer.js';
import { connectYjsClient, eventually, fakeNote, whenSynced, withText, type YjsClient } from '../helpers/yjsClient.js';

const SECRET = 'Fermer la rue le dimanche';
const settle = () => new Promise((r) => setTimeout(r, 400));

describe('private writing, then reveal', () => {
  let t: TestServer;
  let session: CreatedSession;
  const sockets: FacilitationClient[] = [];
  const boards: YjsClient[] = [];
  const connect = async (token: string) => {
    const client = await connectFacilitation(t.url, session.id, token);
    sockets.push(client);
    return client;
  };
  const board = async (token: string) => {
    const client = connectYjsClient(t.wsUrl, session.id, { token });
    boards.push(client);
    await whenSynced(client);
    return client;
  };

  beforeEach(async () => {
    t = await startTestServer();
    session = await createSession(t.url);
  });
  afterEach(async () => {
    for (const c of sockets.splice(0)) c.close();
    for (const b of boards.splice(0)) b.destroy();
    await t.close();
    await removeDataDir(t.dataDir);
  });

  it("never sends a private note to another participant's stock y-websocket client before the reveal, and does after", async () => {
    const alexGrant = await joinSession(t.url, session.joinCode, 'Alex', 'elu');
    const samGrant = await joinSession(t.url, session.joinCode, 'Sam', 'habitant');
    const facilitator = await connect(session.access.token);
    const alex = await connect(alexGrant.token);
    const sam = await connect(samGrant.token);
    const samBoard = await board(samGrant.token);
    const received: Buffer[] = [];
    samBoard.doc.on('update', (update: Uint8Array) => received.push(Buffer.from(update)));

    await send(facilitator.socket, 'steps:set', { steps: [{ title: 'Chacun pour soi', privateWriting: true }] });
    expect((await send(facilitator.socket, 'steps:go', { index: 0 })).ok).toBe(true);
    await eventually(() => expect(alex.state()?.privateWriting).toBe(true));

    const note = fakeNote('secret', SECRET);
    expect(await send(alex.socket, 'private:upsert', { record: { ...note, meta: {} } })).toEqual({ ok: true });
    await eventually(() => expect(facilitator.privateNotes().map((n) => n.id)).toEqual(['shape:secret']));
    expect(alex.privateNotes()).toHaveLength(1);
    expect(trameMeta(alex.privateNotes()[0] as BoardRecord)).toMatchObject({ private: true, authorId: alexGrant.participantId });
    expect(facilitator.state()?.privateNoteCount).toBe(1);

    await settle();
    expect(sam.privateNotes()).toEqual([]);
    expect(samBoard.records.has('shape:secret')).toBe(false);
    expect(Buffer.concat(received).includes(SECRET)).toBe(false);

    expect((await send(facilitator.socket, 'private:reveal')).ok).toBe(true);
    await eventually(() => expect(samBoard.records.get('shape:secret')).toMatchObject(withText(SECRET)));
    expect(trameMeta(samBoard.records.get('shape:secret') as BoardRecord)?.private).toBeUndefined();
    expect(Buffer.concat(received).includes(SECRET)).toBe(true);
    await eventually(() => expect(alex.privateNotes()).toEqual([]));
    expect(facilitator.state()).toMatchObject({ privateWriting: false, privateNoteCount: 0 });
  });

  it('keeps private notes across a server restart until the reveal', async () => {
    const grant = await joinSession(t.url, session.joinCode, 'Alex', 'elu');
    const facilitator = await connect(session.access.token);
    const alex = await connect(grant.token);
    await send(facilitator.socket, 'private:set', { enabled: true });
    await eventually(() => expect(alex.state()?.privateWriting).toBe(true));
    await send(alex.socket, 'private:upsert', { record: fakeNote('secret', SECRET) });

    for (const c of sockets.splice(0)) c.close();
    t = await t.restart();
    const again = await connect(grant.token);
    await eventually(() => expect(again.privateNotes().map((n) => n.id)).toEqual(['shape:secret']));
  });

  it("refuses private notes outside a private step, another author's note, and anything but a note", async () => {
    const alexGrant = await joinSession(t.url, session.joinCode, 'Alex', 'elu');
    const samGrant = await joinSession(t.url, session.joinCode, 'Sam', 'habitant');
    const facilitator = await connect(session.access.token);
    const alex = await connect(alexGrant.token);
    const sam = await connect(samGrant.token);
    expect(await send(alex.socket, 'private:upsert', { record: fakeNote('a', 'x') })).toMatchObject({ code: 'not_private_step' });

    await send(facilitator.socket, 'private:set', { enabled: true });
    expect((await send(alex.socket, 'private:upsert', { record: fakeNote('a', 'x') })).ok).toBe(true);
    expect(await send(sam.socket, 'private:upsert', { record: fakeNote('a', 'écrasé') })).toMatchObject({ code: 'not_author' });
    expect(await send(sam.socket, 'private:delete', { id: 'shape:a' })).toMatchObject({ code: 'not_author' });
    const arrow = { ...fakeNote('b', 'x'), type: 'arrow' };
    expect(await send(sam.socket, 'private:upsert', { record: arrow })).toMatchObject({ code: 'invalid_payload' });
    const huge = fakeNote('c', 'x'.repeat(30_000));
    expect(await send(sam.socket, 'private:upsert', { record: huge })).toMatchObject({ code: 'invalid_payload' });
    expect((await send(alex.socket, 'private:delete', { id: 'shape:a' })).ok).toBe(true);
    await eventually(() => expect(facilitator.privateNotes()).toEqual([]));
  });
});
