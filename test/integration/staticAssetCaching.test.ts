import { readdirSync, readFileSync, statSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { builtClientDir } from '../helpers/clientDir.js';
import { serverPerFile } from '../helpers/serverPerFile.js';

const clientDir = builtClientDir();
/** The board's script: the largest chunk of the build (tldraw and Yjs). */
const boardScript = readdirSync(path.join(clientDir, 'assets'))
  .filter((name) => name.endsWith('.js'))
  .sort((a, b) => statSync(path.join(clientDir, 'assets', b)).size - statSync(path.join(clientDir, 'assets', a)).size)[0]!;

/** A raw GET: fetch() would hide the content-encoding by decoding it. */
function get(url: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });
}

describe('static files of the built client', () => {
  const env = serverPerFile({ clientDir });
  const raw = readFileSync(path.join(clientDir, 'assets', boardScript));

  it('sends the board script brotli-compressed to a browser that accepts it, cached for a year as immutable', async () => {
    const res = await get(`${env.t.url}/assets/${boardScript}`, { 'accept-encoding': 'gzip, deflate, br' });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    expect(res.body.length).toBeLessThan(raw.length / 3);
    expect(brotliDecompressSync(res.body).equals(raw)).toBe(true);
  });

  it('sends gzip to a client without brotli, and the plain file to one accepting neither', async () => {
    const gzipped = await get(`${env.t.url}/assets/${boardScript}`, { 'accept-encoding': 'gzip' });
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzipped.body).equals(raw)).toBe(true);
    const plain = await get(`${env.t.url}/assets/${boardScript}`, { 'accept-encoding': 'identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.equals(raw)).toBe(true);
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('has index.html revalidated on every load, at / and on client routes', async () => {
    for (const url of [`${env.t.url}/`, `${env.t.url}/s/une-session`, `${env.t.url}/index.html`]) {
      const res = await get(url);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/text\/html/);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.body.toString()).toContain('<div id="root">');
    }
  });

  it("names a phone's list code in the join page and a board's page, never tldraw, and nowhere else", async () => {
    const preloads = (html: string) => [...html.matchAll(/<link rel="modulepreload" crossorigin href="\/(assets\/[^"]+)">/g)].map((m) => m[1]!);
    const index = preloads((await get(`${env.t.url}/banque`)).body.toString());
    for (const url of [`${env.t.url}/s/une-session`, `${env.t.url}/rejoindre`, `${env.t.url}/rejoindre/ABC-123`]) {
      const res = await get(url);
      expect(res.status).toBe(200);
      expect(res.headers['cache-control']).toBe('no-cache');
      const named = preloads(res.body.toString());
      expect(named.some((file) => /^assets\/PhoneBoard-[\w-]+\.js$/.test(file))).toBe(true);
      expect(named.length).toBeGreaterThan(index.length);
      for (const file of named) {
        const script = await get(`${env.t.url}/${file}`, { 'accept-encoding': 'identity' });
        expect(script.status).toBe(200);
        expect(script.body.toString()).not.toContain('@tldraw/');
      }
    }
    for (const url of [`${env.t.url}/`, `${env.t.url}/banque`, `${env.t.url}/s/une-session/fiche`]) {
      expect(preloads((await get(url)).body.toString())).toEqual(index);
    }
  });

  it('never lets the API be cached', async () => {
    for (const url of [`${env.t.url}/api/health`, `${env.t.url}/api/config`, `${env.t.url}/api/nothing-here`]) {
      expect((await get(url)).headers['cache-control']).toBe('no-store');
    }
  });
});
