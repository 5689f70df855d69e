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
  let edits = 0;

  /** A new note in the session's first zone: its report changes, so the next export renders again. */
  const addNote = async (session: CreatedSession) => {
    const client = connectYjsClient(t.wsUrl, session.id, { token: session.access.token });
    await whenSynced(client);
    const zone = [...client.records.values()].find((r): r is Zone => trameMeta(r)?.role === 'zone')!;
    edits += 1;
    client.records.set(`shape:q${edits}`, noteRecord(`q${edits}`, `Idée numéro ${edits}`, { x: zone.x + 40 + 10 * edits, y: zone.y + 300 }));
    await new Promise((r) => setTimeout(r, 250));
    client.destroy();
  };
  /** Finished sessions with a note each, not yet in the bank. */
  const finishedSessions = async (n: number) => {
    const list: CreatedSession[] = [];
    for (let i = 0; i < n; i++) {
      const s = await createSession(t.url, { title: `Atelier publié ${edits}-${i}`, templateIds: ['afom-du-territoire'] });
      await addNote(s);
      await fetch(`${t.url}/api/sessions/${s.id}`, authed(s.access.token, { method: 'PATCH', body: JSON.stringify({ status: 'finished' }) }));
      list.push(s);
    }
    return list;
  };
  const publish = (s: CreatedSession) =>
    fetch(`${t.url}/api/sessions/${s.id}`, authed(s.access.token, { method: 'PATCH', body: JSON.stringify({ published: true }) }));
  const bankPdf = (s: CreatedSession) => fetch(`${t.url}/api/bank/${s.id}/report.pdf`);

  beforeAll(async () => {
    // One render at a time; two may wait per kind.
    t = await startTestServer({ clientDir: builtClientDir(), reportConcurrency: 1, reportQueueMax: 2 });
    facilitated = await createSession(t.url, { title: 'Atelier animé', templateIds: ['afom-du-territoire'] });
    expect((await fetch(`${t.url}/api/sessions/${facilitated.id}/report.pdf`, authed(facilitated.access.token))).status).toBe(200);
  });
  afterAll(async () => {
    await t?.close();
    if (t) await removeDataDir(t.dataDir);
  });

  it('renders the bank report once at publication, then serves it from its cache', async () => {
    const [s] = await finishedSessions(1);
    await publish(s!);
    expect((await bankPdf(s!)).status).toBe(200);
    const startedAt = performance.now();
    const responses = await Promise.all(Array.from({ length: 10 }, () => bankPdf(s!)));
    expect(responses.map((r) => r.status)).toEqual(Array(10).fill(200));
    expect(performance.now() - startedAt).toBeLessThan(2_000);
  });

  it("does not delay a facilitator's export by more than one render behind 20 anonymous bank requests", async () => {
    const bank = await finishedSessions(3);
    await addNote(facilitated);
    // Publication queues each bank render; twenty visitors ask for them at once.
    await Promise.all(bank.map(publish));
    const finished: string[] = [];
    const anonymous = Array.from({ length: 20 }, (_, i) => {
      const s = bank[i % bank.length]!;
      return bankPdf(s).then((res) => {
        finished.push(s.id);
        return res.status;
      });
    });
    await new Promise((r) => setTimeout(r, 100));
    // On a slow machine a bank render may be done before the facilitator asks: it did not delay them.
    const doneWhenAsked = new Set(finished);
    const res = await fetch(`${t.url}/api/sessions/${facilitated.id}/report.pdf`, authed(facilitated.access.token));
    expect(res.status).toBe(200);
    const doneWhenServed = new Set(finished);
    expect((await Promise.all(anonymous)).every((status) => status === 200)).toBe(true);
    // Only the bank render already running when the facilitator asked may finish while they wait.
    expect(doneWhenServed.size - doneWhenAsked.size).toBeLessThanOrEqual(1);
    expect(doneWhenAsked.size).toBeLessThan(3);
    expect(new Set(finished).size).toBe(3);
  });

  it('answers 503 with Retry-After when its line is full', async () => {
    const bank = await finishedSessions(4);
    await Promise.all(bank.map(publish));
    const responses = await Promise.all(bank.map(bankPdf));
    const refused = responses.find((r) => r.status === 503);
    expect(refused).toBeDefined();
    expect(Number(refused!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect((await refused!.json()).error).toMatchObject({ code: 'pdf_busy', message: expect.stringMatching(/Réessayez dans \d+ s/) });
    expect(responses.filter((r) => r.status === 200).length).toBeGreaterThanOrEqual(2);
  });
});
