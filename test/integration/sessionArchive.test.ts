import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { boardRecords } from '../../shared/boardLayout.js';
import { asDevice, authed, createSession, joinSession } from '../helpers/api.js';
import { noteRecord } from '../helpers/records.js';
import { removeDataDir, startTestServer, type TestServer } from '../helpers/startTestServer.js';
import { connectYjsClient, whenSynced } from '../helpers/yjsClient.js';

const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

/** Importing is for facilitators: the importing device facilitates a session on the target instance. */
const importArchive = async (t: TestServer, body: unknown) => {
  const own = await createSession(t.url, { title: 'Atelier de cet appareil' });
  const res = await post(`${t.url}/api/sessions/import`, body, asDevice(own));
  const listed = async () =>
    ((await (await fetch(`${t.url}/api/sessions`, { headers: asDevice(own) })).json()).sessions as { id: string }[])
      .map((s) => s.id)
      .filter((id) => id !== own.id);
  return { res, listed };
};

describe('a full-session archive', () => {
  const servers: TestServer[] = [];
  afterEach(async () => {
    for (const s of servers.splice(0)) {
      await s.close();
      await removeDataDir(s.dataDir);
    }
  });

  it('imports into a fresh data folder as an identical board', async () => {
    const source = await startTestServer();
    servers.push(source);
    const session = await createSession(source.url, { title: 'Atelier à archiver' });
    const p = await joinSession(source.url, session.joinCode, 'Yasmine', 'habitant');
    const client = connectYjsClient(source.wsUrl, session.id, { token: session.access.token });
    await whenSynced(client);
    client.records.set('shape:n1', noteRecord('n1', 'Une idée à garder', { x: 10, y: 10 }, { participantId: p.participantId, college: 'habitant' }));
    await new Promise((r) => setTimeout(r, 300));
    const expected = Object.fromEntries(client.records.entries());
    client.destroy();

    const archive = await (await fetch(`${source.url}/api/sessions/${session.id}/archive`, authed(session.access.token))).json();
    const target = await startTestServer();
    servers.push(target);
    const { res } = await importArchive(target, archive);
    expect(res.status).toBe(201);
    const imported = await res.json();
    expect(imported.title).toBe('Atelier à archiver');
    const reader = connectYjsClient(target.wsUrl, imported.id, { token: imported.access.token });
    await whenSynced(reader);
    expect(Object.fromEntries(reader.records.entries())).toEqual(expected);
    reader.destroy();
    const participants = await (await fetch(`${target.url}/api/sessions/${imported.id}/participants`, authed(imported.access.token))).json();
    expect(participants.participants).toContainEqual(expect.objectContaining({ pseudonym: 'Yasmine', college: 'habitant' }));
  });

  it.each([
    ['not an archive', { hello: 'world' }, 'format'],
    ['a board that is not base64', { format: 'trame-session-archive', version: 1, exportedAt: 'x', session: { title: 'A', createdAt: 'x', status: 'running', colorByCollege: true, participants: [] }, board: '@@@' }, 'board'],
  ])('rejects %s naming the field, and creates nothing', async (_label, body, field) => {
    const t = await startTestServer();
    servers.push(t);
    const { res, listed } = await importArchive(t, body);
    expect(res.status).toBe(400);
    expect((await res.json()).error.fields.map((f: { path: string }) => f.path)).toContain(field);
    expect(await listed()).toEqual([]);
  });

  it('rejects a board that does not decode, and creates nothing', async () => {
    const t = await startTestServer();
    servers.push(t);
    const garbage = Buffer.from(Array.from({ length: 64 }, (_, i) => (i * 37) % 256)).toString('base64');
    const doc = new Y.Doc();
    boardRecords(doc).set('shape:x', { id: 'shape:x', typeName: 'shape' });
    const noDocument = Buffer.from(Y.encodeStateAsUpdate(doc)).toString('base64');
    for (const board of [garbage, noDocument]) {
      const { res, listed } = await importArchive(t, {
        format: 'trame-session-archive', version: 1, exportedAt: 'x',
        session: { title: 'A', createdAt: 'x', status: 'running', colorByCollege: true, participants: [] }, board,
      });
      expect(res.status).toBe(400);
      expect((await res.json()).error).toMatchObject({ code: 'invalid_archive' });
      expect(await listed()).toEqual([]);
    }
  });
});
