import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession } from '../helpers/api.js';
import { builtClientDir } from '../helpers/clientDir.js';
import { removeDataDir, startTestServer, type TestServer } from '../helpers/startTestServer.js';

function expectHardened(res: Response, route: string): void {
  const csp = res.headers.get('content-security-policy') ?? '';
  expect(csp, route).toContain("default-src 'self'");
  expect(csp, route).toContain("script-src 'self'");
  expect(csp, route).not.toMatch(/script-src[^;]*unsafe/);
  expect(csp, route).toContain("frame-ancestors 'none'");
  expect(csp, route).toContain("connect-src 'self'");
  expect(res.headers.get('referrer-policy'), route).toBe('no-referrer');
  expect(res.headers.get('x-content-type-options'), route).toBe('nosniff');
  expect(res.headers.get('x-frame-options'), route).toBe('DENY');
  expect(res.headers.get('x-powered-by'), route).toBeNull();
}

describe('security headers', () => {
  let t: TestServer;
  let https: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ clientDir: builtClientDir() });
    https = await startTestServer({ publicUrl: 'https://trame.example.fr' });
  });
  afterAll(async () => {
    await t?.close();
    await https?.close();
    await Promise.all([t, https].filter(Boolean).map((s) => removeDataDir(s.dataDir)));
  });

  it('hardens every kind of response: pages, assets, API answers, errors and not-found', async () => {
    const session = await createSession(t.url);
    const html = await (await fetch(`${t.url}/`)).text();
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(asset).toBeDefined();
    const routes: [string, RequestInit?][] = [
      ['/'],
      ['/s/abc/salle'],
      [asset!],
      ['/api/health'],
      ['/api/config'],
      [`/api/sessions/${session.id}`],
      ['/api/sessions/inconnu123'],
      ['/api/nulle-part'],
      ['/api/join', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"code":' }],
      ['/api/bank'],
      ['/api/templates'],
    ];
    for (const [route, init] of routes) expectHardened(await fetch(`${t.url}${route}`, init), route);
  });

  it('sends HSTS only when the public address is HTTPS', async () => {
    expect((await fetch(`${t.url}/api/health`)).headers.get('strict-transport-security')).toBeNull();
    const res = await fetch(`${https.url}/api/health`);
    expect(res.headers.get('strict-transport-security')).toMatch(/max-age=\d{7,}/);
  });

  it('accepts violation reports from browsers without answering anything', async () => {
    const res = await fetch(`${t.url}/api/csp-report`, {
      method: 'POST',
      headers: { 'content-type': 'application/csp-report' },
      body: JSON.stringify({ 'csp-report': { 'blocked-uri': 'https://evil.example/x.js', 'violated-directive': 'script-src' } }),
    });
    expect(res.status).toBe(204);
  });
});
