import { mkdir, writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { trameMeta, type BoardRecord } from '../../shared/boardLayout.js';
import { authed, createSession, joinSession, type CreatedSession } from '../helpers/api.js';
import { builtClientDir } from '../helpers/clientDir.js';
import { connectFacilitation, send } from '../helpers/facilitationClient.js';
import { imageRecords, pngSquare, uploadAsset } from '../helpers/images.js';
import { imageCount, rasterisePage, readPdf } from '../helpers/pdf.js';
import { noteRecord } from '../helpers/records.js';
import { removeDataDir, startTestServer, type TestServer } from '../helpers/startTestServer.js';
import { connectYjsClient, whenSynced } from '../helpers/yjsClient.js';

type Zone = BoardRecord & { x: number; y: number; props: { w: number; h: number } };
const flat = (text: string) => text.replace(/\s+/g, ' ');

describe('the PDF report of a saved session', () => {
  let t: TestServer;
  let session: CreatedSession;
  let pdf: Buffer;
  // zone id → note text: AFOM, « Comment pourrions-nous » and the grille de caractérisation.
  const notes: Record<string, string> = {
    atouts: 'Un tissu associatif dense',
    faiblesses: 'Pas de bus le dimanche',
    menaces: 'Fermeture de la gare',
    'finalite-sociale-affirme': 'Les habitants portent le projet',
  };

  beforeAll(async () => {
    t = await startTestServer({ clientDir: builtClientDir(), instanceName: 'Trame — Pays de Lumbres' });
    session = await createSession(t.url, {
      title: 'Mobilité à Lumbres',
      facilitatorName: 'Dominique',
      templateIds: ['afom-du-territoire', 'comment-pourrions-nous', 'grille-innovation-sociale'],
    });
    await fetch(`${t.url}/api/sessions/${session.id}`, authed(session.access.token, {
      method: 'PATCH',
      body: JSON.stringify({
        description: { territory: { name: 'Lumbres', echelon: 'commune' }, format: 'presentiel', date: '2026-11-20', summary: 'Diagnostic partagé des mobilités du quotidien.' },
      }),
    }));
    const yasmine = await joinSession(t.url, session.joinCode, 'Yasmine', 'habitant');
    const hugo = await joinSession(t.url, session.joinCode, 'Hugo', 'elu');

    const client = connectYjsClient(t.wsUrl, session.id, { token: session.access.token });
    await whenSynced(client);
    const zones = [...client.records.values()].filter((r): r is Zone => trameMeta(r)?.role === 'zone');
    const ids: Record<string, string> = {};
    for (const [zoneId, text] of Object.entries(notes)) {
      const zone = zones.find((z) => trameMeta(z)?.zoneId === zoneId)!;
      const id = `n-${zoneId}`;
      ids[zoneId] = `shape:${id}`;
      client.records.set(ids[zoneId]!, noteRecord(id, text, { x: zone.x + zone.props.w / 2 - 100, y: zone.y + zone.props.h / 2 - 100 }, { participantId: yasmine.participantId, college: 'habitant' }));
    }
    // A photo on the AFOM canvas, uploaded as the board's asset store does.
    const uploaded = await (await uploadAsset(t.url, session.id, session.access.token, await pngSquare(200), 'image/png')).json();
    const atouts = zones.find((z) => trameMeta(z)?.zoneId === 'atouts')!;
    for (const record of imageRecords(uploaded.id, uploaded.url, { x: atouts.x + 20, y: atouts.y + 20 })) client.records.set(record.id, record);
    await new Promise((r) => setTimeout(r, 400));
    client.destroy();

    // Two steps of the déroulé run, then a vote: the Sunday bus gets 3 dots, the station 1.
    const facilitator = await connectFacilitation(t.url, session.id, session.access.token);
    await send(facilitator.socket, 'steps:go', { index: 0 });
    await send(facilitator.socket, 'steps:go', { index: 1 });
    expect((await send(facilitator.socket, 'vote:open', { canvasId: null, budget: 3, maxPerNote: 2, showTotals: true })).ok).toBe(true);
    const voterA = await connectFacilitation(t.url, session.id, yasmine.token);
    const voterB = await connectFacilitation(t.url, session.id, hugo.token);
    for (const [voter, zoneId] of [[voterA, 'faiblesses'], [voterA, 'faiblesses'], [voterB, 'faiblesses'], [voterB, 'menaces']] as const) {
      expect(await send(voter.socket, 'vote:cast', { shapeId: ids[zoneId] })).toMatchObject({ ok: true });
    }
    expect((await send(facilitator.socket, 'vote:close')).ok).toBe(true);
    for (const c of [facilitator, voterA, voterB]) c.close();

    const res = await fetch(`${t.url}/api/sessions/${session.id}/report.pdf`, authed(session.access.token));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/2026-11-20-mobilite-a-lumbres\.pdf/);
    pdf = Buffer.from(await res.arrayBuffer());
    await mkdir('test-results', { recursive: true });
    await writeFile('test-results/report-e2e.pdf', pdf);
  });
  afterAll(async () => {
    await t?.close();
    if (t) await removeDataDir(t.dataDir);
  });

  it('opens on a cover and « L’essentiel » that say what, where, when, who, and the idea most supported', async () => {
    const { text } = await readPdf(pdf);
    const cover = flat(text.split('\f')[0]!);
    for (const expected of ['Mobilité à Lumbres', 'Lumbres (Commune)', '20 novembre 2026', 'Présentiel', 'Dominique', '2 participant·es', 'Habitant·e', 'Élu·e', 'Diagnostic partagé des mobilités du quotidien.']) {
      expect(cover).toContain(expected);
    }
    const essentials = flat(text.split('\f')[1]!);
    expect(essentials).toContain("L'essentiel");
    expect(essentials).toMatch(/Les idées les plus soutenues 1?\.? ?Pas de bus le dimanche · 3 gommettes/);
  });

  it('prints every note, with its author and dots, and no example note', async () => {
    const text = flat((await readPdf(pdf)).text);
    for (const note of Object.values(notes)) expect(text).toContain(note);
    expect(text).toMatch(/Pas de bus le dimanche — Yasmine, Habitant·e · 3 gommettes/);
    for (const example of ['Ex. : un tissu associatif dense', 'Comment pourrions-nous… pour… afin de… ?']) expect(text).not.toContain(example);
  });

  it('prints the grille as a table, criterion names beside their levels', async () => {
    const { layout } = await readPdf(pdf);
    const lines = layout.split('\n');
    expect(lines.some((l) => /Critère\s+À construire\s+En construction\s+Affirmé/.test(l))).toBe(true);
    expect(lines.some((l) => /Finalité sociale\s+—\s+—\s+Les habitants portent le/.test(l))).toBe(true);
    expect(lines.some((l) => /Ancrage territorial\s+—\s+—\s+—/.test(l))).toBe(true);
  });

  it('folds empty zones into one « Sans contribution » line per canvas at most', async () => {
    const text = flat((await readPdf(pdf)).text);
    const folded = text.match(/Sans contribution :/g) ?? [];
    expect(folded.length).toBeGreaterThan(0);
    expect(folded.length).toBeLessThanOrEqual(3);
    expect(text).toMatch(/Sans contribution : [^.]*Opportunités/);
    expect(text).not.toContain('Aucune contribution.');
  });

  it('shows the vote ranked and the déroulé as it ran', async () => {
    const { layout } = await readPdf(pdf);
    expect(flat(layout)).toMatch(/Résultats du vote .*1 Pas de bus le dimanche — AFOM du territoire 3 .*2 Fermeture de la gare — AFOM du territoire 1/);
    const lines = layout.split('\n');
    expect(lines.some((l) => /1\. Interne ou externe \?\s+0 min\s+5 min/.test(l))).toBe(true);
    expect(lines.some((l) => /2\. Tour silencieux\s+dernière étape\s+15 min/.test(l))).toBe(true);
    expect(layout).not.toContain('3. Regrouper');
  });

  it('carries its title, subject, author, language and tags in its metadata, with every font embedded', async () => {
    const { info, fonts } = await readPdf(pdf);
    expect(info.Title).toBe('Mobilité à Lumbres');
    expect(info.Author).toBe('Trame — Pays de Lumbres');
    expect(info.Subject).toMatch(/Compte rendu d'atelier — Lumbres/);
    expect(info.Tagged).toBe('yes');
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) expect(font).toMatchObject({ embedded: true });
    expect(pdf.includes('/Lang (fr)')).toBe(true);
  });

  it('draws a canvas page where a note reads at 7 pt or more', async () => {
    const { words } = await readPdf(pdf);
    const noteWords = words.filter((w) => w.text === 'dimanche');
    // A canvas page: the whole canvas (« Vue d'ensemble ») when notes read there, or a close-up (« Vue rapprochée »).
    const onCanvas = noteWords.filter((w) => words.some((o) => o.page === w.page && (o.text === 'rapprochée' || o.text.endsWith('ensemble'))));
    expect(onCanvas.length).toBeGreaterThan(0);
    for (const word of noteWords) expect(word.heightPt).toBeGreaterThanOrEqual(7);
    const png = await rasterisePage(pdf, onCanvas[0]!.page);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    await writeFile('test-results/report-e2e-closeups.png', png);
  });

  it('prints the images people put on the board', async () => {
    expect(await imageCount(pdf)).toBeGreaterThan(0);
  });

  it('leaves out every pseudonym when anonymised, in A3 portrait too', async () => {
    const res = await fetch(`${t.url}/api/sessions/${session.id}/report.pdf?anonymous=1&paper=A3&orientation=portrait`, authed(session.access.token));
    const { text, info } = await readPdf(Buffer.from(await res.arrayBuffer()));
    expect(text).toContain('Pas de bus le dimanche');
    expect(info['Page size']).toMatch(/^84\d\.\d+ x 119\d\.\d+ pts \(A3\)/);
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
