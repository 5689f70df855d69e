import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authed, createSession, joinSession, type CreatedSession } from '../helpers/api.js';
import { builtClientDir } from '../helpers/clientDir.js';
import { readPdf } from '../helpers/pdf.js';
import { noteRecord, zoneRecord } from '../helpers/records.js';
import { removeDataDir, startTestServer, type TestServer } from '../helpers/startTestServer.js';
import { connectYjsClient, whenSynced } from '../helpers/yjsClient.js';

describe('the PDF report of a saved session', () => {
  let t: TestServer;
  let session: CreatedSession;
  const notes = ['Des bus le dimanche', 'Un garage solidaire', 'Covoiturage vers la gare'];
  beforeAll(async () => {
    t = await startTestServer({ clientDir: builtClientDir() });
    session = await createSession(t.url, { title: 'Mobilité à Lumbres', facilitatorName: 'Dominique' });
    const yasmine = await joinSession(t.url, session.joinCode, 'Yasmine', 'habitant');
    const client = connectYjsClient(t.wsUrl, session.id, { token: session.access.token });
    await whenSynced(client);
    client.records.set('shape:afom-atouts', zoneRecord('afom', 'atouts', 'Atouts du territoire', { x: 0, y: 0, w: 900, h: 600 }));
    client.records.set('shape:afom-menaces', zoneRecord('afom', 'menaces', 'Menaces extérieures', { x: 1000, y: 0, w: 900, h: 600 }));
    notes.forEach((text, i) =>
      client.records.set(`shape:n${i}`, noteRecord(`n${i}`, text, { x: 40 + i * 1000 * (i % 2), y: 200 }, { participantId: yasmine.participantId, college: 'habitant' })),
    );
    await new Promise((r) => setTimeout(r, 300));
    client.destroy();
  });
  afterAll(async () => {
    await t?.close();
    if (t) await removeDataDir(t.dataDir);
  });

  it('has real text: the title, every zone label and every note, with the author, and a page per part', async () => {
    const res = await fetch(`${t.url}/api/sessions/${session.id}/report.pdf`, authed(session.access.token));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/\d{4}-\d{2}-\d{2}-mobilite-a-lumbres\.pdf/);
    const { text, pages } = await readPdf(Buffer.from(await res.arrayBuffer()));
    const flat = text.replace(/\s+/g, ' ');
    for (const expected of ['Mobilité à Lumbres', 'Atouts du territoire', 'Menaces extérieures', ...notes, 'Yasmine', 'Dominique']) {
      expect(flat).toContain(expected);
    }
    // Cover, the canvas drawn, its contributions.
    expect(pages).toBe(3);
  });

  it('leaves out every pseudonym when anonymised', async () => {
    const res = await fetch(`${t.url}/api/sessions/${session.id}/report.pdf?anonymous=1&paper=A3`, authed(session.access.token));
    const { text } = await readPdf(Buffer.from(await res.arrayBuffer()));
    expect(text).toContain('Des bus le dimanche');
    expect(text).not.toContain('Yasmine');
    expect(text).not.toContain('Dominique');
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
    const p = await joinSession(t.url, session.joinCode, 'Hugo', 'agent');
    const res = await fetch(`${t.url}/api/sessions/${session.id}/report.pdf`, authed(p.token));
    expect(res.status).toBe(403);
  });
});
