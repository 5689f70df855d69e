import { describe, expect, it } from 'vitest';
import { asDevice, createSession } from '../helpers/api.js';
import { serverPerFile } from '../helpers/serverPerFile.js';

describe('sessions API', () => {
  const env = serverPerFile();

  it('creates a session with a title and lists it, newest first', async () => {
    const first = await createSession(env.t.url, { title: 'Diagnostic mobilité' });
    const second = await createSession(env.t.url, { title: '  Isolement des seniors  ' });
    expect(second.title).toBe('Isolement des seniors');
    expect(first.id).toMatch(/^[A-Za-z0-9_-]{12}$/);
    const res = await fetch(`${env.t.url}/api/sessions`, { headers: asDevice(first, second) });
    const body = await res.json();
    const ids = body.sessions.map((s: { id: string }) => s.id);
    expect(ids.indexOf(second.id)).toBeLessThan(ids.indexOf(first.id));
  });

  it('reads one session by id', async () => {
    const created = await createSession(env.t.url, { title: 'Atelier AFOM' });
    const res = await fetch(`${env.t.url}/api/sessions/${created.id}`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id: created.id, title: 'Atelier AFOM' });
  });

  it('answers 404 with a French message for an unknown session', async () => {
    const res = await fetch(`${env.t.url}/api/sessions/inconnu123`);
    expect(res.status).toBe(404);
    const body = await res.json();
    expect(body.error.code).toBe('session_not_found');
    expect(body.error.message).toMatch(/n'existe pas/);
  });

  it.each([
    ['an empty title', { title: '   ' }, 'title'],
    ['a missing title', {}, 'title'],
    ['a title over 200 characters', { title: 'x'.repeat(201) }, 'title'],
    ['a title that is not text', { title: 42 }, 'title'],
  ])('refuses %s with 400 naming the field', async (_label, body, field) => {
    const res = await fetch(`${env.t.url}/api/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(res.status).toBe(400);
    const json = await res.json();
    expect(json.error.code).toBe('invalid_body');
    expect(json.error.fields.map((f: { path: string }) => f.path)).toContain(field);
  });

  it('refuses a body that is not JSON with 400', async () => {
    const res = await fetch(`${env.t.url}/api/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"title": ',
    });
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe('invalid_body');
  });

  it('answers JSON 404 on an unknown API route', async () => {
    const res = await fetch(`${env.t.url}/api/nothing-here`);
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe('not_found');
  });

  it('reports health', async () => {
    const res = await fetch(`${env.t.url}/api/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', storage: { status: 'ok' } });
  });
});
