import { describe, expect, it } from 'vitest';
import { authed, createSession, joinSession } from '../helpers/api.js';
import { pngSquare, uploadAsset } from '../helpers/images.js';
import { serverPerFile } from '../helpers/serverPerFile.js';

const env = serverPerFile();

const read = (url: string, query = '') => fetch(`${env.t.url}${url}${query}`);

async function observerToken(sessionId: string, facilitatorToken: string): Promise<string> {
  const res = await fetch(`${env.t.url}/api/sessions/${sessionId}/links`, authed(facilitatorToken, { method: 'POST', body: JSON.stringify({ role: 'observer' }) }));
  return (await res.json()).token;
}

describe('who may upload and read a board image', () => {
  it('lets facilitators and participants upload, and refuses observers and strangers', async () => {
    const session = await createSession(env.t.url);
    const participant = await joinSession(env.t.url, session.joinCode);
    const image = await pngSquare();
    expect((await uploadAsset(env.t.url, session.id, session.access.token, image, 'image/png')).status).toBe(201);
    expect((await uploadAsset(env.t.url, session.id, participant.token, image, 'image/png')).status).toBe(201);

    const observer = await uploadAsset(env.t.url, session.id, await observerToken(session.id, session.access.token), image, 'image/png');
    expect(observer.status).toBe(403);
    expect((await observer.json()).error.message).toMatch(/ajouter d’image/);
    expect((await uploadAsset(env.t.url, session.id, 'not-a-token', image, 'image/png')).status).toBe(401);
    const other = await createSession(env.t.url);
    expect((await uploadAsset(env.t.url, session.id, other.access.token, image, 'image/png')).status).toBe(401);
  });

  it('refuses a participant’s upload once the session is finished', async () => {
    const session = await createSession(env.t.url);
    const participant = await joinSession(env.t.url, session.joinCode);
    await fetch(`${env.t.url}/api/sessions/${session.id}`, authed(session.access.token, { method: 'PATCH', body: JSON.stringify({ status: 'finished' }) }));
    expect((await uploadAsset(env.t.url, session.id, participant.token, await pngSquare(), 'image/png')).status).toBe(403);
  });

  it('serves an image to any token of its session, in the query or the header, and to no other session’s token', async () => {
    const session = await createSession(env.t.url);
    const participant = await joinSession(env.t.url, session.joinCode);
    const observer = await observerToken(session.id, session.access.token);
    const { url } = await (await uploadAsset(env.t.url, session.id, participant.token, await pngSquare(), 'image/png')).json();

    for (const token of [session.access.token, participant.token, observer]) {
      expect((await read(url, `?token=${token}`)).status).toBe(200);
    }
    expect((await fetch(`${env.t.url}${url}`, authed(observer))).status).toBe(200);
    expect((await read(url)).status).toBe(401);
    const other = await createSession(env.t.url);
    expect((await read(url, `?token=${other.access.token}`)).status).toBe(401);
    expect((await fetch(`${env.t.url}${url}`, authed(other.access.token))).status).toBe(401);
    // Another session's asset id under this session's URL is not found, even with a valid token.
    const otherAsset = (await (await uploadAsset(env.t.url, other.id, other.access.token, await pngSquare(), 'image/png')).json()).id;
    expect((await read(`/api/sessions/${session.id}/assets/${otherAsset}`, `?token=${participant.token}`)).status).toBe(404);
  });

  it('serves a published session’s images to visitors of the bank, read-only', async () => {
    const session = await createSession(env.t.url);
    const { url } = await (await uploadAsset(env.t.url, session.id, session.access.token, await pngSquare(), 'image/png')).json();
    expect((await read(url)).status).toBe(401);
    const patch = (body: object) =>
      fetch(`${env.t.url}/api/sessions/${session.id}`, authed(session.access.token, { method: 'PATCH', body: JSON.stringify(body) }));
    await patch({ status: 'finished' });
    await patch({ published: true });
    const visitor = await read(url);
    expect(visitor.status).toBe(200);
    expect(visitor.headers.get('content-type')).toBe('image/webp');
    expect((await uploadAsset(env.t.url, session.id, '', await pngSquare(), 'image/png')).status).toBe(401);
  });
});
