import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { trameMeta, type BoardRecord } from '../../shared/boardLayout.js';
import { authed, createSession, type CreatedSession } from '../helpers/api.js';
import { builtClientDir } from '../helpers/clientDir.js';
import { noteRecord } from '../helpers/records.js';
import { removeDataDir, startTestServer, type TestServer } from '../helpers/startTestServer.js';
import { connectYjsClient, whenSynced } from '../helpers/yjsClient.js';

type Zone = BoardRecord & { x: number; y: number; props: { w: number; h: number } };

describe('the PDF render queue', () => {
  let t: TestServer;
  let facilitated: CreatedSession;
  const published: CreatedSession[] = [];
  let edits = 0;

  /** A new note in the session's first zone: its report changes, so the next request renders again. */
  const addNote = async (session: CreatedSession) => {
    const client = connectYjsClient(t.wsUrl, session.id, { token: session.access.token });
    await whenSynced(client);
    const zone = [...client.records.values()].find((r): r is Zone => trameMeta(r)?.role === 'zone')!;
    edits += 1;
    client.records.set(`shape:q${edits}`, noteRecord(`q${edits}`, `Idée numéro ${edits}`, { x: zone.x + 40 + 10 * edits, y: zone.y + 300 }));
    await new Promise((r) => setTimeout(r, 250));
    client.destroy();
  };
  const bankPdf = (s: CreatedSession) => fetch(`${t.url}/api/bank/${s.id}/report.pdf`);

  beforeAll(async () => {
    // Two renders may wait per kind, one runs.
    t = await startTestServer({ clientDir: builtClientDir(), reportConcurrency: 1, reportQueueMax: 2 });
    facilitated = await createSession(t.url, { title: 'Atelier animé', templateIds: ['afom-du-territoire'] });
    for (let i = 0; i < 4; i++) {
      const s = await createSession(t.url, { title: `Atelier publié ${i}`, templateIds: ['afom-du-territoire'] });
      await fetch(`${t.url}/api/sessions/${s.id}`, authed(s.access.token, { method: 'PATCH', body: JSON.stringify({ status: 'finished', published: true }) }));
      published.push(s);
    }
    // Publication renders each bank PDF once; these requests wait for those renders.
    for (const s of published) expect((await bankPdf(s)).status).toBe(200);
    expect((await fetch(`${t.url}/api/sessions/${facilitated.id}/report.pdf`, authed(facilitated.access.token))).status).toBe(200);
  });
  afterAll(async () => {
    await t?.close();
    if (t) await removeDataDir(t.dataDir);
  });

  it('serves an unchanged bank report from its cache, without a render', async () => {
    const startedAt = performance.now();
    const responses = await Promise.all(Array.from({ length: 10 }, () => bankPdf(published[0]!)));
    expect(responses.map((r) => r.status)).toEqual(Array(10).fill(200));
    expect(performance.now() - startedAt).toBeLessThan(2_000);
  });

  it("does not delay a facilitator's export by more than one render behind 20 anonymous bank requests", async () => {
    const bank = published.slice(0, 3);
    for (const s of [...bank, facilitated]) await addNote(s);
    const finished: string[] = [];
    const anonymous = Array.from({ length: 20 }, (_, i) => {
      const s = bank[i % bank.length]!;
      return bankPdf(s).then((res) => {
        finished.push(s.id);
        return res.status;
      });
    });
    await new Promise((r) => setTimeout(r, 100));
    const res = await fetch(`${t.url}/api/sessions/${facilitated.id}/report.pdf`, authed(facilitated.access.token));
    expect(res.status).toBe(200);
    const renderedBefore = new Set(finished);
    expect((await Promise.all(anonymous)).every((status) => status === 200)).toBe(true);
    // Only the bank render already running when the facilitator asked may finish first.
    expect(renderedBefore.size).toBeLessThanOrEqual(1);
    expect(new Set(finished).size).toBe(3);
  });

  it('answers 503 with Retry-After when its line is full, and keeps the queued renders', async () => {
    for (const s of published) await addNote(s);
    const responses = await Promise.all(published.map(bankPdf));
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(3);
    const refused = responses.find((r) => r.status === 503)!;
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect((await refused.json()).error).toMatchObject({ code: 'pdf_busy', message: expect.stringMatching(/Réessayez dans \d+ s/) });
  });
});
