import { PNG } from 'pngjs';
import jsQR from 'jsqr';
import { describe, expect, it } from 'vitest';
import { JOIN_CODE_ALPHABET } from '../../shared/roles.js';
import { authed, createSession, joinSession } from '../helpers/api.js';
import { removeDataDir, startTestServer } from '../helpers/startTestServer.js';
import { serverPerFile } from '../helpers/serverPerFile.js';

const post = (url: string, body: unknown, init: RequestInit = {}) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), ...init });

describe('joining a session without an account', () => {
  const env = serverPerFile();

  it('gives the facilitator a 256-bit token once, and a six-character unambiguous join code', async () => {
    const session = await createSession(env.t.url, { title: 'Atelier', facilitatorName: 'Dominique' });
    expect(session.access.role).toBe('facilitator');
    expect(Buffer.from(session.access.token, 'base64url').length).toBe(32);
    expect(session.joinCode).toHaveLength(6);
    for (const c of session.joinCode) expect(JOIN_CODE_ALPHABET).toContain(c);
    expect(session.joinCode).not.toMatch(/[0O1IL]/);
    const listed = await (await fetch(`${env.t.url}/api/sessions/${session.id}`)).json();
    expect(JSON.stringify(listed)).not.toContain(session.access.token);
  });

  it('joins by code, typed in lower case with spaces, with a pseudonym and a collège', async () => {
    const session = await createSession(env.t.url);
    const typed = `${session.joinCode.slice(0, 3).toLowerCase()} ${session.joinCode.slice(3).toLowerCase()}`;
    const info = await (await fetch(`${env.t.url}/api/join/${encodeURIComponent(typed)}`)).json();
    expect(info).toMatchObject({ sessionId: session.id, title: session.title });
    const grant = await joinSession(env.t.url, typed, 'Léa', 'elu');
    expect(grant).toMatchObject({ sessionId: session.id, role: 'participant', pseudonym: 'Léa', college: 'elu' });
    const me = await (await fetch(`${env.t.url}/api/sessions/${session.id}/me`, authed(grant.token))).json();
    expect(me).toMatchObject({ participantId: grant.participantId, role: 'participant', college: 'elu' });
  });

  it('answers an unknown code with a French 404', async () => {
    const res = await fetch(`${env.t.url}/api/join/ZZZZZZ`);
    expect(res.status).toBe(404);
    expect((await res.json()).error).toMatchObject({ code: 'join_code_not_found' });
  });

  it('says clearly that a finished session cannot be joined', async () => {
    const session = await createSession(env.t.url);
    const res = await fetch(
      `${env.t.url}/api/sessions/${session.id}`,
      authed(session.access.token, { method: 'PATCH', body: JSON.stringify({ status: 'finished' }) }),
    );
    expect(res.status).toBe(200);
    const join = await post(`${env.t.url}/api/join`, { code: session.joinCode, pseudonym: 'Noé', college: 'agent' });
    expect(join.status).toBe(410);
    expect((await join.json()).error.message).toMatch(/séance est terminée/);
  });

  it.each([
    [{ pseudonym: '', college: 'elu' }, 'pseudonym'],
    [{ pseudonym: 'x'.repeat(41), college: 'elu' }, 'pseudonym'],
    [{ pseudonym: 'Ana', college: 'maire' }, 'college'],
  ])('refuses a join with a bad %o naming %s', async (fields, path) => {
    const session = await createSession(env.t.url);
    const res = await post(`${env.t.url}/api/join`, { code: session.joinCode, ...fields });
    expect(res.status).toBe(400);
    expect((await res.json()).error.fields.map((f: { path: string }) => f.path)).toContain(path);
  });

  it('lets only facilitators list participants, with their collège', async () => {
    const session = await createSession(env.t.url);
    const grant = await joinSession(env.t.url, session.joinCode, 'Sam', 'partenaire');
    const denied = await fetch(`${env.t.url}/api/sessions/${session.id}/participants`, authed(grant.token));
    expect(denied.status).toBe(403);
    const anonymous = await fetch(`${env.t.url}/api/sessions/${session.id}/participants`);
    expect(anonymous.status).toBe(401);
    const res = await fetch(`${env.t.url}/api/sessions/${session.id}/participants`, authed(session.access.token));
    const { participants } = await res.json();
    expect(participants).toContainEqual(expect.objectContaining({ pseudonym: 'Sam', college: 'partenaire', role: 'participant' }));
  });

  it('creates co-facilitator and observer links that carry their role', async () => {
    const session = await createSession(env.t.url);
    for (const role of ['facilitator', 'observer'] as const) {
      const res = await post(`${env.t.url}/api/sessions/${session.id}/links`, { role }, authed(session.access.token));
      expect(res.status).toBe(201);
      const link = await res.json();
      expect(link.url).toContain(`/s/${session.id}#acces=${link.token}`);
      const me = await (await fetch(`${env.t.url}/api/sessions/${session.id}/me`, authed(link.token))).json();
      expect(me.role).toBe(role);
    }
  });

  it('serves a QR code that decodes to the join link', async () => {
    const session = await createSession(env.t.url);
    const res = await fetch(`${env.t.url}/api/sessions/${session.id}/qr.png`, authed(session.access.token));
    expect(res.headers.get('content-type')).toBe('image/png');
    const png = PNG.sync.read(Buffer.from(await res.arrayBuffer()));
    const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
    expect(decoded?.data).toBe(`${env.t.url}/rejoindre/${session.joinCode}`);
  });
});

describe('an instance with FACILITATOR_PASSWORD', () => {
  it('creates sessions, lists them and imports templates only with the password', async () => {
    const t = await startTestServer({ facilitatorPassword: 'mairie-2026' });
    try {
      const without = await post(`${t.url}/api/sessions`, { title: 'Atelier' });
      expect(without.status).toBe(401);
      expect((await without.json()).error.code).toBe('password_required');
      const wrong = await post(`${t.url}/api/sessions`, { title: 'Atelier', password: 'mairie' });
      expect(wrong.status).toBe(401);
      const right = await post(`${t.url}/api/sessions`, { title: 'Atelier', password: 'mairie-2026' });
      expect(right.status).toBe(201);
      const template = await (await fetch(`${t.url}/api/templates/afom-du-territoire`)).json();
      const imported = { ...template, id: 'afom-copie' };
      expect((await post(`${t.url}/api/templates`, imported)).status).toBe(401);
      expect((await fetch(`${t.url}/api/sessions`)).status).toBe(401);
      const withPassword = await post(`${t.url}/api/templates`, imported, { headers: { 'content-type': 'application/json', 'x-trame-password': 'mairie-2026' } });
      expect(withPassword.status).toBe(201);
    } finally {
      await t.close();
      await removeDataDir(t.dataDir);
    }
  });
});
