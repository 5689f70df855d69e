import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boardRecords, type BoardRecord } from '../../shared/boardLayout.js';
import { UPLOAD_GRACE_MS, SWEEP_GRACE_MS } from '../../server/assets/UnusedImages.js';
import { authed, createSession, type CreatedSession } from '../helpers/api.js';
import { storageEngines } from '../helpers/engines.js';
import { imageRecords, pngSquare, uploadAsset } from '../helpers/images.js';
import { manualClock } from '../helpers/manualClock.js';
import { removeDataDir, startTestServer, type TestServer } from '../helpers/startTestServer.js';
import { connectYjsClient, eventually, whenSynced } from '../helpers/yjsClient.js';

const engines = storageEngines();

describe.each(engines)('images no board shows any more are deleted (%s)', (_name, engine) => {
  const clock = manualClock();
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(engine(), { now: clock.now });
  });
  afterAll(async () => {
    await t.close();
    await removeDataDir(t.dataDir);
  });

  const upload = async (session: CreatedSession, color: string): Promise<{ id: string; url: string }> => {
    const res = await uploadAsset(t.url, session.id, session.access.token, await pngSquare(32, color), 'image/png');
    expect(res.status).toBe(201);
    return res.json();
  };
  const status = async (session: CreatedSession, url: string) => (await fetch(`${t.url}${url}?token=${session.access.token}`)).status;
  const patch = (session: CreatedSession, body: unknown) =>
    fetch(`${t.url}/api/sessions/${session.id}`, authed(session.access.token, { method: 'PATCH', body: JSON.stringify(body) }));

  /** Writes records through a stock client, as a browser does, and waits until the server holds them. */
  async function putOnBoard(session: CreatedSession, records: BoardRecord[]): Promise<void> {
    const client = connectYjsClient(t.wsUrl, session.id, { token: session.access.token });
    await whenSynced(client);
    for (const record of records) client.records.set(record.id, record);
    await eventually(async () => {
      const ids = new Set((await t.server.boards.records(session.id)).map((r) => r.id));
      expect(records.every((r) => ids.has(r.id))).toBe(true);
    });
    client.destroy();
  }

  it('deletes, when the workshop ends, the images taken off the board and keeps the one it shows', async () => {
    const session = await createSession(t.url, { title: 'Diagnostic en marchant' });
    const shown = await upload(session, '#c0392b');
    const deleted = await upload(session, '#27ae60');
    const neverPlaced = await upload(session, '#2980b9');
    // tldraw keeps an asset record after its image shape is deleted: that image is no longer shown.
    const [deletedAsset] = imageRecords(deleted.id, deleted.url);
    await putOnBoard(session, [...imageRecords(shown.id, shown.url), deletedAsset!]);
    clock.advance(UPLOAD_GRACE_MS + 1);

    expect((await patch(session, { status: 'finished' })).status).toBe(200);

    expect(await status(session, shown.url)).toBe(200);
    expect(await status(session, deleted.url)).toBe(404);
    expect(await status(session, neverPlaced.url)).toBe(404);
  });

  it('keeps a fresh upload whose record may still be on its way, until the daily sweep', async () => {
    const session = await createSession(t.url, { title: 'Atelier du soir' });
    const fresh = await upload(session, '#8e44ad');
    expect((await patch(session, { status: 'finished' })).status).toBe(200);
    expect(await status(session, fresh.url)).toBe(200);

    clock.advance(SWEEP_GRACE_MS - UPLOAD_GRACE_MS);
    await t.server.unusedImages.sweep();
    expect(await status(session, fresh.url)).toBe(200);
    clock.advance(UPLOAD_GRACE_MS + 1);
    expect(await t.server.unusedImages.sweep()).toBeGreaterThanOrEqual(1);
    expect(await status(session, fresh.url)).toBe(404);
  });

  it('keeps an image the bank still shows after the live board lost it', async () => {
    const session = await createSession(t.url, { title: 'Carte sensible publiée' });
    const photo = await upload(session, '#f39c12');
    const records = imageRecords(photo.id, photo.url);
    await putOnBoard(session, records);
    expect((await patch(session, { status: 'finished', published: true })).status).toBe(200);
    await t.server.registry.withBoard(session.id, (room) => {
      for (const record of records) boardRecords(room.doc).delete(record.id);
    });

    clock.advance(SWEEP_GRACE_MS + 1);
    await t.server.unusedImages.sweep();

    expect(await status(session, photo.url)).toBe(200);
    const bank = await fetch(`${t.url}${photo.url}`);
    expect(bank.status).toBe(200);
  });
});
