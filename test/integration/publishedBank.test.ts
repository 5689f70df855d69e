import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { authed, createSession, joinSession } from '../helpers/api.js';
import { noteRecord } from '../helpers/records.js';
import { serverPerFile } from '../helpers/serverPerFile.js';
import { connectYjsClient, eventually, whenClosed, whenSynced } from '../helpers/yjsClient.js';

describe('the bank serves an anonymised copy written at publication', () => {
  const env = serverPerFile();

  const patch = (id: string, token: string, body: unknown) =>
    fetch(`${env.t.url}/api/sessions/${id}`, authed(token, { method: 'PATCH', body: JSON.stringify(body) }));

  async function workshopWithANote() {
    const session = await createSession(env.t.url, {
      title: 'Mobilité à Lumbres',
      facilitatorName: 'Dominique Facil',
      templateIds: ['afom-du-territoire'],
    });
    const participant = await joinSession(env.t.url, session.joinCode, 'Yasmine Belkacem', 'habitant');
    const client = connectYjsClient(env.t.wsUrl, session.id, { token: participant.token });
    await whenSynced(client);
    const note = noteRecord('idee', 'Un bus le dimanche', { x: 900, y: 500 }, { participantId: participant.participantId, college: 'habitant' });
    client.doc.transact(() => {
      client.records.set(note.id, { ...note, props: { ...(note.props as object), textLastEditedBy: participant.participantId } });
      // As tldraw wrote them before names were kept out of boards.
      client.records.set(`user:${participant.participantId}`, {
        id: `user:${participant.participantId}`, typeName: 'user', name: 'Yasmine Belkacem', color: '#e16919', imageUrl: '', meta: {},
      });
    });
    await new Promise((r) => setTimeout(r, 400));
    client.destroy();
    return { session, participant };
  }

  it('holds what was said and nothing about who said it', async () => {
    const { session, participant } = await workshopWithANote();
    expect((await fetch(`${env.t.url}/api/bank/${session.id}/board`)).status).toBe(404);
    expect((await patch(session.id, session.access.token, { status: 'finished', published: true })).status).toBe(200);

    const res = await fetch(`${env.t.url}/api/bank/${session.id}/board`);
    expect(res.status).toBe(200);
    const text = await res.text();
    const board = JSON.parse(text) as { schema: unknown; records: { typeName: string; type?: string; props?: { color?: string } }[] };
    expect(board.schema).toBeTruthy();
    expect(text).toContain('Un bus le dimanche');
    expect(text).toContain('Atouts');
    for (const secret of ['Yasmine', 'Belkacem', 'Dominique', participant.participantId, session.access.participantId, session.joinCode]) {
      expect(text).not.toContain(secret);
    }
    expect(text).not.toMatch(/authorId|"college"|textLastEditedBy":"/);
    expect(text).not.toContain('Ex. :');
    expect(board.records.filter((r) => r.typeName === 'user')).toEqual([]);

    // No live board for visitors: the old visitor connection is refused before any sync.
    const visitor = connectYjsClient(env.t.wsUrl, session.id, { visitor: '1' });
    expect((await whenClosed(visitor)).code).toBe(4401);
    visitor.destroy();
  });

  it("gives the report's essentials as text, with its canvases and ideas and nobody's name, once published", async () => {
    const { session, participant } = await workshopWithANote();
    expect((await fetch(`${env.t.url}/api/bank/${session.id}/essentials`)).status).toBe(404);
    expect((await patch(session.id, session.access.token, { status: 'finished', published: true })).status).toBe(200);
    const res = await fetch(`${env.t.url}/api/bank/${session.id}/essentials`);
    expect(res.status).toBe(200);
    const text = await res.text();
    const essentials = JSON.parse(text);
    expect(essentials.counts.contributions).toBe(1);
    expect(essentials.canvases).toMatchObject([{ title: 'AFOM du territoire', contributionCount: 1, top: [{ text: 'Un bus le dimanche', dots: 0 }] }]);
    for (const secret of ['Yasmine', 'Belkacem', 'Dominique', participant.participantId, session.joinCode]) expect(text).not.toContain(secret);
    // The list answers with the canvases drawn (the cards' thumbnails).
    await eventually(async () => {
      const { entries } = await (await fetch(`${env.t.url}/api/bank?q=dimanche`)).json();
      expect(entries.find((e: { id: string }) => e.id === session.id)).toMatchObject({
        templateIds: ['afom-du-territoire'],
        match: { field: 'note', text: 'Un bus le dimanche' },
      });
    }, 15_000);
  });

  it('takes the session out of the bank when it is set back to running, and deletes the copy', async () => {
    const { session } = await workshopWithANote();
    await patch(session.id, session.access.token, { status: 'finished', published: true });
    expect((await fetch(`${env.t.url}/api/bank/${session.id}/board`)).status).toBe(200);
    expect(existsSync(path.join(env.t.dataDir, 'boards', `published-${session.id}`))).toBe(true);

    const reopened = await (await patch(session.id, session.access.token, { status: 'running' })).json();
    expect(reopened).toMatchObject({ status: 'running', published: false });
    expect((await fetch(`${env.t.url}/api/bank/${session.id}`)).status).toBe(404);
    expect((await fetch(`${env.t.url}/api/bank/${session.id}/board`)).status).toBe(404);
    const bank = await (await fetch(`${env.t.url}/api/bank`)).json();
    expect(bank.entries.map((e: { id: string }) => e.id)).not.toContain(session.id);
    expect(existsSync(path.join(env.t.dataDir, 'boards', `published-${session.id}`))).toBe(false);
  });
});
