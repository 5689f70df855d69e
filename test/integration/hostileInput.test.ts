import http from 'node:http';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { asDevice, createSession } from '../helpers/api.js';
import { serverPerFile } from '../helpers/serverPerFile.js';

const post = (url: string, body: string | Uint8Array, headers: Record<string, string> = {}) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: body as BodyInit });

/** How long /api/health takes while `work` runs: a probe stalls when the event loop is blocked. */
async function probeDuring(url: string, work: Promise<unknown>): Promise<number> {
  let worst = 0;
  let done = false;
  void work.finally(() => (done = true));
  while (!done) {
    const started = performance.now();
    await fetch(`${url}/api/health`);
    worst = Math.max(worst, performance.now() - started);
    await new Promise((r) => setTimeout(r, 10));
  }
  return worst;
}

/** A plain upload with its length declared (fetch would stream it through this test's own event loop). */
function upload(url: string, body: Buffer, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': body.byteLength, ...headers },
    });
    req.on('response', (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    // The server may answer and close before taking the whole body: that is the point.
    req.on('error', (err: NodeJS.ErrnoException) => (err.code === 'EPIPE' || err.code === 'ECONNRESET' ? undefined : reject(err)));
    req.end(body);
  });
}

/**
 * An upload without a declared length (chunked), 64 KB at a time until `bytes` or until the server answers:
 * what it answered, and how much was sent by then.
 */
function streamUpload(url: string, bytes: number, headers: Record<string, string>): Promise<{ status: number; body: string; sent: number }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers } });
    let sent = 0;
    let answered = false;
    req.on('response', (res) => {
      answered = true;
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text, sent }));
    });
    req.on('error', (err: NodeJS.ErrnoException) => (err.code === 'EPIPE' || err.code === 'ECONNRESET' ? undefined : reject(err)));
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    const write = () => {
      while (!answered && sent < bytes) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', write);
      }
      if (!answered) req.end();
    };
    write();
  });
}

describe('hostile input', () => {
  const env = serverPerFile();

  it.each([
    ['a NUL character', 'Atelier\u0000caché'],
    ['a right-to-left override', 'Atelier \u202Etxt.exe'],
    ['a lone surrogate', 'Atelier \uD800'],
    ['a line break', 'Atelier\nsur deux lignes'],
  ])('refuses a title or a pseudonym with %s, naming the field in French', async (_label, text) => {
    const res = await post(`${env.t.url}/api/sessions`, JSON.stringify({ title: text }));
    expect(res.status).toBe(400);
    expect((await res.json()).error.fields).toEqual([{ path: 'title', message: expect.stringMatching(/caractères invisibles/) }]);
    const session = await createSession(env.t.url);
    const join = await post(`${env.t.url}/api/join`, JSON.stringify({ code: session.joinCode, pseudonym: text, college: 'habitant' }));
    expect(join.status).toBe(400);
  });

  it('keeps titles with accents and emoji', async () => {
    expect((await post(`${env.t.url}/api/sessions`, JSON.stringify({ title: 'Fête de quartier à Lumbres 🎉' }))).status).toBe(201);
  });

  it('answers a broken gzip body with 400, not 500', async () => {
    const session = await createSession(env.t.url);
    const gz = gzipSync(JSON.stringify({ title: 'Atelier' }));
    const broken = Buffer.concat([gz.subarray(0, 10), Buffer.from('pas du gzip du tout'), gz.subarray(10)]);
    for (const [url, headers] of [
      [`${env.t.url}/api/sessions`, {}],
      [`${env.t.url}/api/sessions/import`, asDevice(session)],
    ] as const) {
      const res = await post(url, broken, { 'content-encoding': 'gzip', ...headers });
      expect(res.status).toBe(400);
      expect((await res.json()).error.code).toBe('invalid_body');
    }
  });

  it('answers an anonymous 55 MB archive at once, without reading it or stalling the server', async () => {
    const huge = Buffer.alloc(55_000_000, 0x20);
    // The shared test machine is busy: what counts is the stall the upload adds to an ordinary request.
    const baselineMs = await probeDuring(env.t.url, new Promise((r) => setTimeout(r, 200)));
    const started = performance.now();
    const sending = upload(`${env.t.url}/api/sessions/import`, huge);
    const worstProbeMs = await probeDuring(env.t.url, sending);
    expect((await sending).status).toBe(401);
    expect(performance.now() - started).toBeLessThan(3_000);
    expect(worstProbeMs).toBeLessThan(baselineMs + 100);
  });

  it("refuses a facilitator's archive over the size limit with 413, without parsing it", async () => {
    const session = await createSession(env.t.url);
    const huge = Buffer.alloc(55_000_000, 0x20);
    const res = await upload(`${env.t.url}/api/sessions/import`, huge, asDevice(session));
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body).error.code).toBe('payload_too_large');
  });

  it('refuses an archive streamed without a declared length as soon as it passes the limit, in French, and creates nothing', async () => {
    const session = await createSession(env.t.url);
    const listed = async () => (await (await fetch(`${env.t.url}/api/sessions`, { headers: asDevice(session) })).json()).sessions.length;
    const before = await listed();
    const res = await streamUpload(`${env.t.url}/api/sessions/import`, 200_000_000, asDevice(session));
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body).error).toMatchObject({ code: 'payload_too_large', message: 'La requête est trop volumineuse.' });
    // Answered at the limit (50 MB), not after the 200 MB on offer: what was sent meanwhile sat in the sockets' buffers.
    expect(res.sent).toBeLessThan(100_000_000);
    expect(await listed()).toBe(before);
  });
});
