import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CloseCode } from '../../shared/closeCodes.js';
import { authed, createSession, joinSession } from '../helpers/api.js';
import { removeDataDir, startTestServer, type TestServer } from '../helpers/startTestServer.js';
import { connectYjsClient, eventually, whenClosed, whenSynced } from '../helpers/yjsClient.js';

describe('managing sessions from the dashboard', () => {
  let t: TestServer;
  afterEach(async () => {
    await t.close();
    await removeDataDir(t.dataDir);
  });

  it('duplicates a session with or without its contributions', async () => {
    t = await startTestServer();
    const source = await createSession(t.url, { title: 'Atelier source' });
    const client = connectYjsClient(t.wsUrl, source.id, { token: source.access.token });
    await whenSynced(client);
    client.records.set('shape:zone', {
      id: 'shape:zone', typeName: 'shape', type: 'geo', x: 0, y: 0, rotation: 0, index: 'a1', parentId: 'page:page',
      isLocked: true, opacity: 1,
      props: { w: 400, h: 300, geo: 'rectangle', dash: 'draw', growY: 0, url: '', scale: 1, flipX: false, flipY: false, color: 'blue', labelColor: 'black', fill: 'semi', size: 'm', font: 'draw', align: 'middle', verticalAlign: 'start', richText: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Atouts' }] }] } },
      meta: { trame: { canvasId: 'c1', role: 'zone', zoneId: 'atouts', label: 'Atouts' } },
    });
    client.records.set('shape:n', {
      id: 'shape:n', typeName: 'shape', type: 'note', x: 10, y: 10, rotation: 0, index: 'a2', parentId: 'page:page',
      isLocked: false, opacity: 1,
      props: { color: 'orange', richText: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Une idée' }] }] }, size: 'm', font: 'draw', align: 'middle', verticalAlign: 'middle', labelColor: 'black', growY: 0, fontSizeAdjustment: 1, url: '', scale: 1, textLastEditedBy: null },
      meta: { trame: { college: 'habitant', authorId: 'p1' } },
    });
    await new Promise((r) => setTimeout(r, 300));
    client.destroy();

    for (const withContributions of [false, true]) {
      const res = await fetch(
        `${t.url}/api/sessions/${source.id}/duplicate`,
        authed(source.access.token, { method: 'POST', body: JSON.stringify({ withContributions }) }),
      );
      expect(res.status).toBe(201);
      const copy = await res.json();
      expect(copy.title).toBe('Copie de Atelier source');
      expect(copy.joinCode).not.toBe(source.joinCode);
      const reader = connectYjsClient(t.wsUrl, copy.id, { token: copy.access.token });
      await whenSynced(reader);
      expect(reader.records.has('shape:zone')).toBe(true);
      expect(reader.records.has('shape:n')).toBe(withContributions);
      reader.destroy();
    }
  });

  it('deletes a session: its board closes with 4404 and it is gone', async () => {
    t = await startTestServer();
    const session = await createSession(t.url);
    const participant = await joinSession(t.url, session.joinCode);
    const client = connectYjsClient(t.wsUrl, session.id, { token: participant.token });
    await whenSynced(client);
    const closed = whenClosed(client);
    const denied = await fetch(`${t.url}/api/sessions/${session.id}`, authed(participant.token, { method: 'DELETE' }));
    expect(denied.status).toBe(403);
    const res = await fetch(`${t.url}/api/sessions/${session.id}`, authed(session.access.token, { method: 'DELETE' }));
    expect(res.status).toBe(204);
    expect((await closed).code).toBe(CloseCode.UnknownBoard);
    expect((await fetch(`${t.url}/api/sessions/${session.id}`)).status).toBe(404);
    const join = await fetch(`${t.url}/api/join/${session.joinCode}`);
    expect(join.status).toBe(404);
    client.destroy();
  });

  it("purges participants' pseudonyms and the facilitator's name from sessions older than the retention period, and nothing else", async () => {
    t = await startTestServer();
    const old = await createSession(t.url, { title: 'Ancien atelier', facilitatorName: 'Dominique' });
    await joinSession(t.url, old.joinCode, 'Yasmine', 'habitant');
    const recent = await createSession(t.url, { title: 'Atelier récent' });
    await joinSession(t.url, recent.joinCode, 'Hugo', 'agent');
    await t.close();

    const file = path.join(t.dataDir, 'trame.json');
    const data = JSON.parse(await readFile(file, 'utf8'));
    const oldRecord = data.sessions.find((s: { id: string }) => s.id === old.id);
    oldRecord.createdAt = new Date(Date.now() - 400 * 86_400_000).toISOString();
    await writeFile(file, JSON.stringify(data));
    const before = structuredClone(oldRecord);

    t = await startTestServer({ dataDir: t.dataDir, retentionDays: 365 });
    const after = JSON.parse(await readFile(file, 'utf8'));
    const purged = after.sessions.find((s: { id: string }) => s.id === old.id);
    expect(JSON.stringify(purged)).not.toContain('Yasmine');
    expect(JSON.stringify(purged)).not.toContain('Dominique');
    const expected = {
      ...before,
      // The board's author ids went too (test/integration/retentionPurge.test.ts), once.
      authorsForgottenAt: expect.any(String),
      participants: before.participants.map((p: { role: string }) =>
        p.role === 'participant' ? { ...p, pseudonym: 'Participant·e' } : { ...p, pseudonym: 'Animation' },
      ),
    };
    expect(purged).toEqual(expected);
    expect(JSON.stringify(after.sessions.find((s: { id: string }) => s.id === recent.id))).toContain('Hugo');
  });
});

describe('the public bank of workshops', () => {
  it('shows only finished, published sessions, without people, and their published copy, never the live board', async () => {
    const t = await startTestServer();
    try {
      const session = await createSession(t.url, { title: 'Jardins partagés', facilitatorName: 'Dominique' });
      await joinSession(t.url, session.joinCode, 'Yasmine', 'habitant');
      const patch = (body: unknown) =>
        fetch(`${t.url}/api/sessions/${session.id}`, authed(session.access.token, { method: 'PATCH', body: JSON.stringify(body) }));

      const early = await patch({ published: true });
      expect(early.status).toBe(409);
      expect((await fetch(`${t.url}/api/bank/${session.id}/board`)).status).toBe(404);

      expect((await patch({ status: 'finished', published: true, description: { themes: ['alimentation'] } })).status).toBe(200);
      const bank = await (await fetch(`${t.url}/api/bank?theme=alimentation`)).json();
      expect(bank.entries.map((e: { id: string }) => e.id)).toEqual([session.id]);
      const text = JSON.stringify(bank);
      expect(text).not.toContain('Yasmine');
      expect(text).not.toContain('Dominique');
      expect(text).not.toContain(session.joinCode);

      // Visitors read the published copy over HTTP; the live board stays closed to them.
      expect((await fetch(`${t.url}/api/bank/${session.id}/board`)).status).toBe(200);
      const visitor = connectYjsClient(t.wsUrl, session.id, { visitor: '1' });
      expect((await whenClosed(visitor)).code).toBe(CloseCode.Unauthorized);
      visitor.destroy();
      await eventually(async () => expect((await fetch(`${t.url}/api/bank/${session.id}`)).status).toBe(200));
    } finally {
      await t.close();
      await removeDataDir(t.dataDir);
    }
  });
});
