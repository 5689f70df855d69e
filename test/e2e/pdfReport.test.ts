import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { trameMeta, type BoardRecord } from '../../shared/boardLayout.js';
import { authed, createSession, joinSession, type CreatedSession } from '../helpers/api.js';
import { builtClientDir } from '../helpers/clientDir.js';
import { connectFacilitation, send } from '../helpers/facilitationClient.js';
import { readPdf } from '../helpers/pdf.js';
import { noteRecord } from '../helpers/records.js';
import { removeDataDir, startTestServer, type TestServer } from '../helpers/startTestServer.js';
import { connectYjsClient, whenSynced } from '../helpers/yjsClient.js';

describe('the PDF report of a saved session', () => {
  let t: TestServer;
  let session: CreatedSession;
  let zoneLabels: string[];
  const notes: Record<string, string> = {
    Atouts: 'Un tissu associatif dense',
    Faiblesses: 'Pas de bus le dimanche',
    Menaces: 'Fermeture de la gare',
    'Constats et enseignements': 'Les jeunes partent à 18 ans',
  };

  beforeAll(async () => {
    t = await startTestServer({ clientDir: builtClientDir() });
    session = await createSession(t.url, {
      title: 'Mobilité à Lumbres',
      facilitatorName: 'Dominique',
      templateIds: ['afom-du-territoire', 'comment-pourrions-nous'],
    });
    const yasmine = await joinSession(t.url, session.joinCode, 'Yasmine', 'habitant');
    const hugo = await joinSession(t.url, session.joinCode, 'Hugo', 'elu');

    const client = connectYjsClient(t.wsUrl, session.id, { token: session.access.token });
    await whenSynced(client);
    const zones = [...client.records.values()].filter((r) => trameMeta(r)?.role === 'zone');
    zoneLabels = zones.map((z) => trameMeta(z)!.label!);
    const ids: Record<string, string> = {};
    for (const [label, text] of Object.entries(notes)) {
      const zone = zones.find((z) => trameMeta(z)?.label === label) as BoardRecord & { x: number; y: number; props: { w: number; h: number } };
      const id = `n-${Object.keys(ids).length}`;
      ids[label] = `shape:${id}`;
      client.records.set(`shape:${id}`, noteRecord(id, text, { x: zone.x + zone.props.w / 2 - 100, y: zone.y + zone.props.h / 2 - 60 }, { participantId: yasmine.participantId, college: 'habitant' }));
    }
    await new Promise((r) => setTimeout(r, 400));
    client.destroy();

    // A vote: Yasmine gives 2 dots to the Sunday bus, Hugo 1 to it and 1 to the station.
    const facilitator = await connectFacilitation(t.url, session.id, session.access.token);
    expect((await send(facilitator.socket, 'vote:open', { canvasId: null, budget: 3, maxPerNote: 2, showTotals: true })).ok).toBe(true);
    const voterA = await connectFacilitation(t.url, session.id, yasmine.token);
    const voterB = await connectFacilitation(t.url, session.id, hugo.token);
    for (const [voter, label] of [[voterA, 'Faiblesses'], [voterA, 'Faiblesses'], [voterB, 'Faiblesses'], [voterB, 'Menaces']] as const) {
      expect(await send(voter.socket, 'vote:cast', { shapeId: ids[label] })).toMatchObject({ ok: true });
    }
    expect((await send(facilitator.socket, 'vote:close')).ok).toBe(true);
    for (const c of [facilitator, voterA, voterB]) c.close();
  });
  afterAll(async () => {
    await t?.close();
    if (t) await removeDataDir(t.dataDir);
  });

  it('has real text: title, every zone label, every note with its author, the vote counts; pages follow the canvases', async () => {
    // Someone on the board while the report renders must not see the renderer as a collaborator.
    const watcher = connectYjsClient(t.wsUrl, session.id, { token: session.access.token });
    await whenSynced(watcher);
    const cursorsSeen: number[] = [];
    watcher.provider.awareness.on('change', ({ added }: { added: number[] }) => cursorsSeen.push(...added));
    const res = await fetch(`${t.url}/api/sessions/${session.id}/report.pdf`, authed(session.access.token));
    watcher.destroy();
    expect(cursorsSeen).toEqual([]);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/\d{4}-\d{2}-\d{2}-mobilite-a-lumbres\.pdf/);
    const { text, pages } = await readPdf(Buffer.from(await res.arrayBuffer()));
    const flat = text.replace(/\s+/g, ' ');
    for (const expected of ['Mobilité à Lumbres', ...zoneLabels, ...Object.values(notes), 'Yasmine', 'Dominique']) {
      expect(flat).toContain(expected.replace(/\s+/g, ' '));
    }
    expect(flat).toMatch(/Pas de bus le dimanche — Yasmine, Habitant·e · 3 points/);
    expect(flat).toMatch(/Fermeture de la gare — Yasmine, Habitant·e · 1 point/);
    expect(flat).toContain('Résultats du vote');
    // Cover, déroulé, then two pages per canvas (drawing, contributions), then the vote results.
    expect(pages).toBe(1 + 1 + 2 * 2 + 1);
  });

  it('leaves out every pseudonym when anonymised', async () => {
    const res = await fetch(`${t.url}/api/sessions/${session.id}/report.pdf?anonymous=1&paper=A3`, authed(session.access.token));
    const { text } = await readPdf(Buffer.from(await res.arrayBuffer()));
    expect(text).toContain('Pas de bus le dimanche');
    for (const pseudonym of ['Yasmine', 'Hugo', 'Dominique']) expect(text).not.toContain(pseudonym);
  });

  it('answers 503 with a French message saying how to install Chromium when it is missing', async () => {
    const other = await startTestServer({ clientDir: builtClientDir(), chromiumPath: '/nonexistent/chromium' });
    try {
      const s = await createSession(other.url);
      const res = await fetch(`${other.url}/api/sessions/${s.id}/report.pdf`, authed(s.access.token));
      expect(res.status).toBe(503);
      expect((await res.json()).error.message).toMatch(/apt-get install chromium/);
    } finally {
      await other.close();
      await removeDataDir(other.dataDir);
    }
  });

  it('is refused to participants', async () => {
    const p = await joinSession(t.url, session.joinCode, 'Inès', 'agent');
    const res = await fetch(`${t.url}/api/sessions/${session.id}/report.pdf`, authed(p.token));
    expect(res.status).toBe(403);
  });
  it('is public and anonymised in the bank once the session is published, and not before', async () => {
    expect((await fetch(`${t.url}/api/bank/${session.id}/report.pdf`)).status).toBe(404);
    await fetch(
      `${t.url}/api/sessions/${session.id}`,
      authed(session.access.token, { method: 'PATCH', body: JSON.stringify({ status: 'finished', published: true }) }),
    );
    const res = await fetch(`${t.url}/api/bank/${session.id}/report.pdf`);
    expect(res.status).toBe(200);
    const { text } = await readPdf(Buffer.from(await res.arrayBuffer()));
    expect(text).toContain('Pas de bus le dimanche');
    for (const pseudonym of ['Yasmine', 'Hugo', 'Dominique']) expect(text).not.toContain(pseudonym);
  });
});
