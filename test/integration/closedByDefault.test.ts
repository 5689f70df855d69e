import { describe, expect, it } from 'vitest';
import { DEVICE_TOKENS_HEADER } from '../../shared/deviceTokens.js';
import { asDevice, authed, createSession, joinSession } from '../helpers/api.js';
import { serverPerFile } from '../helpers/serverPerFile.js';

const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

describe('an instance without FACILITATOR_PASSWORD, closed by default', () => {
  const env = serverPerFile();

  it("lists to a device only the sessions it facilitates, never another's join code", async () => {
    const mine = await createSession(env.t.url, { title: 'Mon atelier' });
    const theirs = await createSession(env.t.url, { title: 'Atelier voisin' });
    const participant = await joinSession(env.t.url, mine.joinCode);

    const anonymous = await (await fetch(`${env.t.url}/api/sessions`)).text();
    expect(JSON.parse(anonymous).sessions).toEqual([]);
    expect(anonymous).not.toContain(theirs.joinCode);

    const listed = await (await fetch(`${env.t.url}/api/sessions`, { headers: asDevice(mine) })).json();
    expect(listed.sessions.map((s: { id: string }) => s.id)).toEqual([mine.id]);
    expect(listed.sessions[0].joinCode).toBe(mine.joinCode);

    // A participant's token, or a facilitator token presented for another session, proves nothing.
    const forged = `${mine.id}:${participant.token},${theirs.id}:${mine.access.token}`;
    const denied = await (await fetch(`${env.t.url}/api/sessions`, { headers: { [DEVICE_TOKENS_HEADER]: forged } })).text();
    expect(JSON.parse(denied).sessions).toEqual([]);
    expect(denied).not.toContain(theirs.joinCode);
  });

  it('gives the join code and its QR code to the facilitators only', async () => {
    const session = await createSession(env.t.url);
    const participant = await joinSession(env.t.url, session.joinCode);
    const read = async (init?: RequestInit) => (await fetch(`${env.t.url}/api/sessions/${session.id}`, init)).json();
    expect(await read()).toMatchObject({ id: session.id, joinCode: null });
    expect(await read(authed(participant.token))).toMatchObject({ joinCode: null });
    expect(await read(authed(session.access.token))).toMatchObject({ joinCode: session.joinCode });

    for (const qr of ['qr.svg', 'qr.png']) {
      const url = `${env.t.url}/api/sessions/${session.id}/${qr}`;
      const anonymous = await fetch(url);
      expect(anonymous.status).toBe(401);
      expect(await anonymous.text()).not.toContain(session.joinCode);
      expect((await fetch(url, authed(participant.token))).status).toBe(403);
      expect((await fetch(url, authed(session.access.token))).status).toBe(200);
    }
  });

  it('refuses template and archive imports from a device that facilitates nothing, in French', async () => {
    const template = await (await fetch(`${env.t.url}/api/templates/afom-du-territoire`)).json();
    const copy = { ...template, id: 'afom-anonyme', title: 'Écrasée par un passant' };
    const anonymous = await post(`${env.t.url}/api/templates`, copy);
    expect(anonymous.status).toBe(401);
    expect((await anonymous.json()).error).toMatchObject({ code: 'facilitator_required', message: expect.stringMatching(/animation/) });
    expect((await fetch(`${env.t.url}/api/templates/afom-anonyme`)).status).toBe(404);

    const archive = await post(`${env.t.url}/api/sessions/import`, { format: 'trame-session-archive' });
    expect(archive.status).toBe(401);

    const facilitator = await createSession(env.t.url);
    expect((await post(`${env.t.url}/api/templates`, copy, asDevice(facilitator))).status).toBe(201);
  });
});

describe('an instance with FACILITATOR_PASSWORD', () => {
  const env = serverPerFile({ facilitatorPassword: 'mairie-2026' });

  it('lists every session to whoever gives the password, and nothing without it', async () => {
    const session = await createSession(env.t.url, { title: 'Atelier', password: 'mairie-2026' });
    expect((await fetch(`${env.t.url}/api/sessions`)).status).toBe(401);
    const listed = await (await fetch(`${env.t.url}/api/sessions`, { headers: { 'x-trame-password': 'mairie-2026' } })).json();
    expect(listed.sessions.map((s: { joinCode: string }) => s.joinCode)).toContain(session.joinCode);
  });

  it('accepts a template import with the password or from a facilitating device', async () => {
    const template = await (await fetch(`${env.t.url}/api/templates/afom-du-territoire`)).json();
    const session = await createSession(env.t.url, { title: 'Atelier', password: 'mairie-2026' });
    expect((await post(`${env.t.url}/api/templates`, { ...template, id: 'afom-a' })).status).toBe(401);
    expect((await post(`${env.t.url}/api/templates`, { ...template, id: 'afom-a' }, { 'x-trame-password': 'mairie-2026' })).status).toBe(201);
    expect((await post(`${env.t.url}/api/templates`, { ...template, id: 'afom-b' }, asDevice(session))).status).toBe(201);
  });
});
