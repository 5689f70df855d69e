import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boardRecords } from '../../shared/boardLayout.js';
import { asDevice, authed, createSession } from '../helpers/api.js';
import { storageEngines } from '../helpers/engines.js';
import { imageRecords, pngSquare, uploadAsset } from '../helpers/images.js';
import { removeDataDir, startTestServer, type TestServer } from '../helpers/startTestServer.js';
import { connectYjsClient, whenSynced } from '../helpers/yjsClient.js';

const engines = storageEngines();

/** A session whose board shows one uploaded image. */
async function boardWithImage(t: TestServer) {
  const session = await createSession(t.url, { title: 'Atelier avec photo' });
  const { id, url } = await (await uploadAsset(t.url, session.id, session.access.token, await pngSquare(48, '#c0392b'), 'image/png')).json();
  const client = connectYjsClient(t.wsUrl, session.id, { token: session.access.token });
  await whenSynced(client);
  for (const record of imageRecords(id, url)) client.records.set(record.id, record);
  await new Promise((r) => setTimeout(r, 400));
  client.destroy();
  return { session, assetId: id as string, url: url as string };
}

/** The image's src as the board of `sessionId` holds it, read by a fresh client. */
async function srcOnBoard(t: TestServer, sessionId: string, token: string, assetId: string): Promise<unknown> {
  const client = connectYjsClient(t.wsUrl, sessionId, { token });
  await whenSynced(client);
  const src = (boardRecords(client.doc).get(`asset:${assetId}`)?.props as { src?: unknown } | undefined)?.src;
  client.destroy();
  return src;
}

const readImage = (t: TestServer, url: string, token: string) => fetch(`${t.url}${url}?token=${token}`);

describe.each(engines)('board images follow the board (%s)', (_name, engine) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(engine());
  });
  afterAll(async () => {
    await t.close();
    await removeDataDir(t.dataDir);
  });

  it('keeps images across a restart', async () => {
    const { session, url } = await boardWithImage(t);
    t = await t.restart();
    const res = await readImage(t, url, session.access.token);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/webp');
  });

  it('copies images with a duplicated board, which points at its own copies', async () => {
    const { session, assetId } = await boardWithImage(t);
    const res = await fetch(`${t.url}/api/sessions/${session.id}/duplicate`, authed(session.access.token, { method: 'POST', body: JSON.stringify({ withContributions: true }) }));
    const copy = await res.json();
    const src = await srcOnBoard(t, copy.id, copy.access.token, assetId);
    expect(src).toBe(`/api/sessions/${copy.id}/assets/${assetId}`);
    expect((await readImage(t, src as string, copy.access.token)).status).toBe(200);
  });

  it('carries images through an archive into a new session', async () => {
    const { session, assetId } = await boardWithImage(t);
    const archive = await (await fetch(`${t.url}/api/sessions/${session.id}/archive`, authed(session.access.token))).json();
    expect(archive.assets).toHaveLength(1);
    const res = await fetch(`${t.url}/api/sessions/import`, { method: 'POST', headers: { 'content-type': 'application/json', ...asDevice(session) }, body: JSON.stringify(archive) });
    expect(res.status).toBe(201);
    const imported = await res.json();
    const src = await srcOnBoard(t, imported.id, imported.access.token, assetId);
    expect(src).toBe(`/api/sessions/${imported.id}/assets/${assetId}`);
    expect((await readImage(t, src as string, imported.access.token)).status).toBe(200);
  });

  it('refuses an archive whose image is not an image, and creates no session', async () => {
    const { session } = await boardWithImage(t);
    const archive = await (await fetch(`${t.url}/api/sessions/${session.id}/archive`, authed(session.access.token))).json();
    archive.assets[0].data = Buffer.from('<script>alert(1)</script>').toString('base64');
    archive.session.title = 'Archive piégée';
    const res = await fetch(`${t.url}/api/sessions/import`, { method: 'POST', headers: { 'content-type': 'application/json', ...asDevice(session) }, body: JSON.stringify(archive) });
    expect(res.status).toBe(415);
    expect((await t.server.sessions.list()).map((s) => s.title)).not.toContain('Archive piégée');
  });

  it('deletes a session’s images with it', async () => {
    const { session, url } = await boardWithImage(t);
    const other = await boardWithImage(t);
    expect((await fetch(`${t.url}/api/sessions/${session.id}`, authed(session.access.token, { method: 'DELETE' }))).status).toBe(204);
    expect(await t.server.sessions.get(session.id)).toBeUndefined();
    expect((await readImage(t, url, session.access.token)).status).toBe(404);
    expect((await readImage(t, other.url, other.session.access.token)).status).toBe(200);
  });
});
