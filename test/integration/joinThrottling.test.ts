import { describe, expect, it } from 'vitest';
import { createSession } from '../helpers/api.js';
import { serverPerFile } from '../helpers/serverPerFile.js';

const join = (url: string, code: string, pseudonym: string, forwardedFor?: string) =>
  fetch(`${url}/api/join`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}) },
    body: JSON.stringify({ code, pseudonym, college: 'habitant' }),
  });

describe('throttling join codes and the facilitator password', () => {
  // Behind the proxy every test request claims its own client address, as a reverse proxy would send it.
  const env = serverPerFile({ trustProxy: 'loopback', facilitatorPassword: 'mairie-2026' });

  it('lets 300 people behind one address join with the right code within a minute', async () => {
    const session = await createSession(env.t.url, { title: 'Réunion publique', password: 'mairie-2026' });
    const started = Date.now();
    const statuses: number[] = [];
    for (let batch = 0; batch < 10; batch++) {
      const answers = await Promise.all(
        Array.from({ length: 30 }, (_, i) => join(env.t.url, session.joinCode, `Personne ${batch * 30 + i}`, '203.0.113.7')),
      );
      statuses.push(...answers.map((r) => r.status));
    }
    expect(Date.now() - started).toBeLessThan(60_000);
    expect(statuses.filter((s) => s === 201)).toHaveLength(300);
  }, 60_000);

  it('answers 429 with Retry-After after a burst of wrong codes, and keeps refusing even the right code', async () => {
    const session = await createSession(env.t.url, { title: 'Atelier', password: 'mairie-2026' });
    const guesses = await Promise.all(
      Array.from({ length: 40 }, (_, i) => join(env.t.url, `ZZZZ${'ABCDEFGHJKMNPQRSTUVWXYZ'[i % 23]}Z`, 'Intrus', '198.51.100.9')),
    );
    const statuses = guesses.map((r) => r.status);
    expect(statuses.filter((s) => s === 404).length).toBeLessThanOrEqual(20);
    expect(statuses).toContain(429);
    const refused = await join(env.t.url, session.joinCode, 'Intrus', '198.51.100.9');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await refused.json()).error).toMatchObject({ code: 'too_many_attempts', message: expect.stringMatching(/Réessayez dans/) });

    // Another address (the venue next door) is not affected.
    expect((await join(env.t.url, session.joinCode, 'Voisine', '192.0.2.44')).status).toBe(201);
  });

  it('throttles wrong passwords the same way, per client', async () => {
    const tries = [];
    for (let i = 0; i < 12; i++) {
      tries.push(
        await fetch(`${env.t.url}/api/sessions`, {
          headers: { 'x-trame-password': `essai-${i}`, 'x-forwarded-for': '198.51.100.77' },
        }),
      );
    }
    expect(tries.slice(0, 10).map((r) => r.status)).toEqual(Array(10).fill(401));
    expect(tries.slice(10).map((r) => r.status)).toEqual([429, 429]);
    const right = await fetch(`${env.t.url}/api/sessions`, {
      headers: { 'x-trame-password': 'mairie-2026', 'x-forwarded-for': '198.51.100.77' },
    });
    expect(right.status).toBe(429);
    const elsewhere = await fetch(`${env.t.url}/api/sessions`, { headers: { 'x-trame-password': 'mairie-2026' } });
    expect(elsewhere.status).toBe(200);
  });
});
