import http from 'node:http';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createBoardState } from '../../server/board/createBoardState.js';
import { ARCHIVE_FORMAT, ARCHIVE_VERSION } from '../../shared/archiveSchema.js';
import { boardRecords } from '../../shared/boardLayout.js';
import { apiPaths } from '../../shared/paths.js';
import { asDevice, createSession } from '../helpers/api.js';
import { noteRecord } from '../helpers/records.js';
import { serverPerFile } from '../helpers/serverPerFile.js';
import { connectYjsClient, eventually, whenSynced } from '../helpers/yjsClient.js';

/** Notes of about 600 bytes: some 24 MB of archive (half of ARCHIVE_MAX_BYTES), most of it a board to decode. */
const NOTES = 20_000;

/** POSTs with node's client, to know when the last byte left: `sent` is called then. */
function postArchive(url: string, body: string, headers: Record<string, string>, sent: () => void): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body, sent);
  });
}

describe('importing a large archive', () => {
  const env = serverPerFile();

  it('leaves the server serving boards meanwhile: edits keep reaching other participants until it is imported', async () => {
    const { t } = env;
    // Built before any request: the server shares this process, and keep-alive sockets idle through a long
    // build are closed under the next request.
    const doc = new Y.Doc();
    Y.applyUpdate(doc, createBoardState());
    const filler = 'Une idée longue pour remplir le tableau. '.repeat(12);
    doc.transact(() => {
      for (let i = 0; i < NOTES; i++) boardRecords(doc).set(`shape:n${i}`, noteRecord(`n${i}`, `${i} ${filler}`, { x: i % 300, y: i }));
    });
    const body = JSON.stringify({
      format: ARCHIVE_FORMAT,
      version: ARCHIVE_VERSION,
      exportedAt: new Date().toISOString(),
      session: { title: 'Grand atelier importé', createdAt: new Date().toISOString(), status: 'finished', colorByCollege: true, participants: [] },
      board: Buffer.from(Y.encodeStateAsUpdate(doc)).toString('base64'),
    });
    doc.destroy();
    const source = await createSession(t.url, { title: 'Atelier de cet appareil' });
    expect(body.length).toBeGreaterThan(20_000_000);

    // A workshop going on meanwhile: one participant's edits, seen by another.
    const live = await createSession(t.url, { title: 'Atelier en cours' });
    const writer = connectYjsClient(t.wsUrl, live.id, { token: live.access.token });
    const reader = connectYjsClient(t.wsUrl, live.id, { token: live.access.token });
    await Promise.all([whenSynced(writer), whenSynced(reader)]);

    // Round trips from one participant to the other once the archive's bytes have all been sent, while the
    // server reads, checks and stores it. Parsed on the main thread, the archive held every message from
    // then until it was done.
    let sent = false;
    let answered = false;
    const importing = postArchive(`${t.url}${apiPaths.sessionImport}`, body, asDevice(source), () => (sent = true)).then((res) => {
      answered = true;
      return res;
    });
    let roundTrips = 0;
    // The main thread's parse let about fifteen through (the last bytes arriving, the board being written).
    for (let i = 0; !answered && roundTrips < 100; i++) {
      const id = `ping${i}`;
      const wasSent = sent;
      writer.records.set(`shape:${id}`, noteRecord(id, `Ping ${i}`, { x: 0, y: i * 10 }));
      await eventually(() => expect(reader.records.has(`shape:${id}`)).toBe(true), 60_000);
      if (wasSent && !answered) roundTrips += 1;
    }
    const res = await importing;
    expect(res.status, `${body.length} ${res.body}`).toBe(201);
    expect(roundTrips).toBe(100);
    const imported = JSON.parse(res.body);
    expect(imported.title).toBe('Grand atelier importé');
    writer.destroy();
    reader.destroy();

    const check = connectYjsClient(t.wsUrl, imported.id, { token: imported.access.token });
    await whenSynced(check, 60_000);
    expect(check.records.has(`shape:n${NOTES - 1}`)).toBe(true);
    check.destroy();
  }, 180_000);

  it('refuses a body that is not JSON in French, and creates nothing', async () => {
    const { t } = env;
    const own = await createSession(t.url, { title: 'Atelier de cet appareil' });
    const before = (await (await fetch(`${t.url}${apiPaths.sessions}`, { headers: asDevice(own) })).json()).sessions.length;
    const res = await fetch(`${t.url}${apiPaths.sessionImport}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...asDevice(own) },
      body: '{"format": "trame-session-archive", ',
    });
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatchObject({ code: 'invalid_body', message: expect.stringContaining("n'est pas du JSON valide") });
    expect((await (await fetch(`${t.url}${apiPaths.sessions}`, { headers: asDevice(own) })).json()).sessions).toHaveLength(before);
  });
});
