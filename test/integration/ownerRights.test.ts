import { describe, expect, it } from 'vitest';
import { authed, createSession } from '../helpers/api.js';
import { serverPerFile } from '../helpers/serverPerFile.js';

const PASSWORD = 'mairie-2026';

async function coFacilitatorLink(url: string, sessionId: string, ownerToken: string): Promise<{ token: string; participantId: string }> {
  const res = await fetch(`${url}/api/sessions/${sessionId}/links`, authed(ownerToken, { method: 'POST', body: JSON.stringify({ role: 'facilitator' }) }));
  expect(res.status).toBe(201);
  return (await res.json()) as { token: string; participantId: string };
}

describe("the owner's rights over a session, on an instance with a facilitator password", () => {
  const env = serverPerFile({ facilitatorPassword: PASSWORD });
  const create = () => createSession(env.t.url, { title: 'Atelier du bourg', password: PASSWORD });

  it('refuses to let a co-facilitator revoke the creator, while they can still revoke an observer link', async () => {
    const session = await create();
    const co = await coFacilitatorLink(env.t.url, session.id, session.access.token);
    const observer = await (
      await fetch(`${env.t.url}/api/sessions/${session.id}/links`, authed(co.token, { method: 'POST', body: JSON.stringify({ role: 'observer' }) }))
    ).json();

    const revokeOwner = await fetch(`${env.t.url}/api/sessions/${session.id}/participants/${session.access.participantId}`, authed(co.token, { method: 'DELETE' }));
    expect(revokeOwner.status).toBe(403);
    expect((await revokeOwner.json()).error.code).toBe('owner_not_revocable');
    const me = await fetch(`${env.t.url}/api/sessions/${session.id}/me`, authed(session.access.token));
    expect(me.status).toBe(200);

    const revokeObserver = await fetch(`${env.t.url}/api/sessions/${session.id}/participants/${observer.participantId}`, authed(co.token, { method: 'DELETE' }));
    expect(revokeObserver.status).toBe(204);
  });

  it('lets only the owner delete the session, and only with the instance password', async () => {
    const session = await create();
    const co = await coFacilitatorLink(env.t.url, session.id, session.access.token);
    const withPassword = { 'x-trame-password': PASSWORD };

    const byCo = await fetch(`${env.t.url}/api/sessions/${session.id}`, authed(co.token, { method: 'DELETE', headers: withPassword }));
    expect(byCo.status).toBe(403);
    expect((await byCo.json()).error.code).toBe('owner_only');
    const noPassword = await fetch(`${env.t.url}/api/sessions/${session.id}`, authed(session.access.token, { method: 'DELETE' }));
    expect(noPassword.status).toBe(401);
    expect((await noPassword.json()).error.code).toBe('password_required');
    expect((await fetch(`${env.t.url}/api/sessions/${session.id}`)).status).toBe(200);

    const byOwner = await fetch(`${env.t.url}/api/sessions/${session.id}`, authed(session.access.token, { method: 'DELETE', headers: withPassword }));
    expect(byOwner.status).toBe(204);
    expect((await fetch(`${env.t.url}/api/sessions/${session.id}`)).status).toBe(404);
  });

  it('lets only the owner duplicate the session, and only with the instance password', async () => {
    const session = await create();
    const co = await coFacilitatorLink(env.t.url, session.id, session.access.token);
    const duplicate = (token: string, body: object) =>
      fetch(`${env.t.url}/api/sessions/${session.id}/duplicate`, authed(token, { method: 'POST', body: JSON.stringify(body) }));

    const byCo = await duplicate(co.token, { password: PASSWORD });
    expect(byCo.status).toBe(403);
    expect((await byCo.json()).error.code).toBe('owner_only');
    const noPassword = await duplicate(session.access.token, {});
    expect(noPassword.status).toBe(401);
    const wrongPassword = await duplicate(session.access.token, { password: 'devine' });
    expect(wrongPassword.status).toBe(401);

    const byOwner = await duplicate(session.access.token, { password: PASSWORD, withContributions: false });
    expect(byOwner.status).toBe(201);
    expect((await byOwner.json()).title).toBe('Copie de Atelier du bourg');
  });
});
