import { describe, expect, it } from 'vitest';
import { boardRecords } from '../../shared/boardLayout.js';
import { createSession, joinSession } from '../helpers/api.js';
import { imageRecords, pngSquare, uploadAsset } from '../helpers/images.js';
import { serverPerFile } from '../helpers/serverPerFile.js';
import { connectYjsClient, whenSynced } from '../helpers/yjsClient.js';

const env = serverPerFile();

/** The asset records the server keeps after a participant wrote `src` into one. */
async function keptSrc(src: string): Promise<unknown> {
  const session = await createSession(env.t.url);
  const participant = await joinSession(env.t.url, session.joinCode);
  const resolved = src.replace('<own>', (await (await uploadAsset(env.t.url, session.id, participant.token, await pngSquare(), 'image/png')).json()).url);
  const client = connectYjsClient(env.t.wsUrl, session.id, { token: participant.token });
  await whenSynced(client);
  for (const record of imageRecords('a1', resolved)) client.records.set(record.id, record);
  await new Promise((r) => setTimeout(r, 500));
  client.destroy();
  return env.t.server.registry.withBoard(session.id, (room) => (boardRecords(room.doc).get('asset:a1')?.props as { src?: unknown } | undefined)?.src);
}

describe('image records on a board', () => {
  it('keep an image uploaded to the session', async () => {
    expect(await keptSrc('<own>')).toMatch(/^\/api\/sessions\/[\w-]+\/assets\/[\w-]+$/);
  });

  it('refuse an image on another host, on this server outside the asset store, or inline', async () => {
    for (const src of ['https://tracker.example/pixel.png', 'http://127.0.0.1:9/admin.png', '/api/health', 'data:image/png;base64,iVBORw0KGgo=']) {
      expect(await keptSrc(src)).toBeUndefined();
    }
  });

  it('refuse an image of another session', async () => {
    const other = await createSession(env.t.url);
    const { url } = await (await uploadAsset(env.t.url, other.id, other.access.token, await pngSquare(), 'image/png')).json();
    expect(await keptSrc(url)).toBeUndefined();
  });
});
