import { describe, expect, it } from 'vitest';
import { createSession } from '../helpers/api.js';
import { hasScaleOut } from '../helpers/engines.js';
import { startTestServer } from '../helpers/startTestServer.js';
import { twoInstancesPerFile } from '../helpers/twoInstancesPerFile.js';

const join = (url: string, code: string, forwardedFor: string) =>
  fetch(`${url}/api/join`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
    body: JSON.stringify({ code, pseudonym: 'Intrus', college: 'habitant' }),
  });

const wrongCode = (i: number) => `ZZZ${'ABCDEFGHJKMNPQRSTUVWXYZ'[i % 23]}${'ABCDEFGHJKMNPQRSTUVWXYZ'[Math.floor(i / 23) % 23]}Z`;

const listWithPassword = (url: string, password: string, forwardedFor: string) =>
  fetch(`${url}/api/sessions`, { headers: { 'x-trame-password': password, 'x-forwarded-for': forwardedFor } });

describe.skipIf(!hasScaleOut)('throttling shared by the instances of one deployment (Redis)', () => {
  const env = twoInstancesPerFile({ trustProxy: 'loopback', facilitatorPassword: 'mairie-2026' });

  it('counts wrong join codes spread over two instances together, and locks the client out on both', async () => {
    const session = await createSession(env.first.url, { title: 'Atelier', password: 'mairie-2026' });
    const statuses: number[] = [];
    // 10 wrong codes on each instance: 20, the budget of one client, reached only if the counts are shared.
    for (let i = 0; i < 20; i++) statuses.push((await join(i % 2 ? env.second.url : env.first.url, wrongCode(i), '198.51.100.21')).status);
    expect(statuses).toEqual(Array(20).fill(404));
    for (const t of [env.first, env.second]) {
      const refused = await join(t.url, session.joinCode, '198.51.100.21');
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    // Another client, on either instance, still gets in.
    expect((await join(env.second.url, session.joinCode, '192.0.2.45')).status).toBe(201);
  });

  it('counts wrong facilitator passwords over both instances', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await listWithPassword(i % 2 ? env.second.url : env.first.url, `essai-${i}`, '198.51.100.78')).status);
    expect(statuses).toEqual(Array(10).fill(401));
    expect((await listWithPassword(env.first.url, 'mairie-2026', '198.51.100.78')).status).toBe(429);
    expect((await listWithPassword(env.second.url, 'mairie-2026', '198.51.100.78')).status).toBe(429);
    expect((await listWithPassword(env.second.url, 'mairie-2026', '198.51.100.79')).status).toBe(200);
  });

  it('keeps each instance counting alone when it has no Redis', async () => {
    const [a, b] = await Promise.all([
      startTestServer({ trustProxy: 'loopback', facilitatorPassword: 'mairie-2026' }),
      startTestServer({ trustProxy: 'loopback', facilitatorPassword: 'mairie-2026' }),
    ]);
    try {
      for (let i = 0; i < 10; i++) await listWithPassword(i % 2 ? b.url : a.url, `essai-${i}`, '198.51.100.80');
      // Five failures each: neither instance reached its budget of ten.
      expect((await listWithPassword(a.url, 'mairie-2026', '198.51.100.80')).status).toBe(200);
      expect((await listWithPassword(b.url, 'mairie-2026', '198.51.100.80')).status).toBe(200);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});
