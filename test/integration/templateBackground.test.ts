import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRAME_META_KEY, trameMeta, type BoardRecord } from '../../shared/boardLayout.js';
import type { MapBounds } from '../../shared/mapProjection.js';
import type { TemplateSummary } from '../../shared/templateApi.js';
import type { Template } from '../../shared/templateSchema.js';
import { asDevice, authed, createSession, type CreatedSession } from '../helpers/api.js';
import { storageEngines } from '../helpers/engines.js';
import { imageRecords, pngSquare, uploadAsset } from '../helpers/images.js';
import { removeDataDir, startTestServer, type TestServer } from '../helpers/startTestServer.js';
import { connectYjsClient, eventually, whenSynced } from '../helpers/yjsClient.js';

const engines = storageEngines();

const LUMBRES: MapBounds = { west: 2.09, south: 50.69, east: 2.15, north: 50.72 };

describe.each(engines)('a template carries the plan or map its zones lie on (%s)', (_name, engine) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(engine());
  });
  afterAll(async () => {
    await t.close();
    await removeDataDir(t.dataDir);
  });

  const readImage = (session: { id: string; token: string }, url: string) => fetch(`${t.url}${url}?token=${session.token}`);
  const backgroundOn = (records: BoardRecord[]) => {
    const image = records.find((r) => r.type === 'image' && trameMeta(r)?.backgroundOf);
    const asset = records.find((r) => r.id === (image?.props as { assetId?: string } | undefined)?.assetId);
    return { image, src: (asset?.props as { src?: string } | undefined)?.src };
  };

  /** A carte sensible whose « Fond de carte » lies on an uploaded map, as the facilitator's map tools lay it. */
  async function boardWithMap(): Promise<{ session: CreatedSession; assetId: string }> {
    const session = await createSession(t.url, { title: 'Marche sensible à Lumbres', templateIds: ['carte-sensible'] });
    const res = await uploadAsset(t.url, session.id, session.access.token, await pngSquare(300, '#dfe8d0'), 'image/png');
    const { id, url } = (await res.json()) as { id: string; url: string };
    const zone = (await t.server.boards.records(session.id)).find((r) => trameMeta(r)?.role === 'zone' && trameMeta(r)?.zoneId === 'carte')!;
    const [asset, shape] = imageRecords(id, url, { x: (zone.x as number) + 10, y: (zone.y as number) + 80 });
    const meta = { [TRAME_META_KEY]: { canvasId: trameMeta(zone)!.canvasId, role: 'decoration', backgroundOf: zone.id, map: LUMBRES } };
    const client = connectYjsClient(t.wsUrl, session.id, { token: session.access.token });
    await whenSynced(client);
    client.records.set(asset!.id, { ...asset!, props: { ...(asset!.props as object), w: 300, h: 300 } });
    client.records.set(shape!.id, { ...shape!, isLocked: true, props: { ...(shape!.props as object), w: 400, h: 400 }, meta });
    await eventually(async () => expect(backgroundOn(await t.server.boards.records(session.id)).image).toBeDefined());
    client.destroy();
    return { session, assetId: id };
  }

  async function saveAsTemplate(session: CreatedSession): Promise<Template> {
    const body = { fromSessionId: session.id, title: 'Carte sensible de Lumbres', phase: 'diagnostic' };
    const res = await fetch(`${t.url}/api/templates`, authed(session.access.token, { method: 'POST', body: JSON.stringify(body) }));
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as TemplateSummary;
    return (await fetch(`${t.url}/api/templates/${id}`)).json();
  }

  it('saves the background with the template, and draws it under the zone of every new board from it', async () => {
    const { session, assetId } = await boardWithMap();
    const template = await saveAsTemplate(session);
    const zone = template.canvas.elements.find((el) => el.kind === 'zone' && el.background);
    expect(zone).toMatchObject({ kind: 'zone', background: { assetId, width: 300, height: 300, map: LUMBRES } });

    // The source session goes: the template keeps its own copy.
    expect((await fetch(`${t.url}/api/sessions/${session.id}`, authed(session.access.token, { method: 'DELETE' }))).status).toBe(204);
    const next = await createSession(t.url, { title: 'Deuxième marche', templateIds: [template.id] });
    const records = await t.server.boards.records(next.id);
    const { image, src } = backgroundOn(records);
    expect(src).toBe(`/api/sessions/${next.id}/assets/${assetId}`);
    const zoneShape = records.find((r) => r.id === trameMeta(image!)!.backgroundOf)!;
    expect(trameMeta(zoneShape)).toMatchObject({ role: 'zone', zoneId: zone!.kind === 'zone' ? zone!.id : '' });
    expect(trameMeta(image!)!.map).toEqual(LUMBRES);
    expect(image!.isLocked).toBe(true);
    // Under the notes: right above its zone.
    expect(String(image!.index) > String(zoneShape.index)).toBe(true);
    const read = await readImage({ id: next.id, token: next.access.token }, src!);
    expect(read.status).toBe(200);
    expect(read.headers.get('content-type')).toBe('image/webp');

    // Added to a running board, the canvas brings its image too.
    const running = await createSession(t.url, { title: 'Atelier en cours', templateIds: ['afom-du-territoire'] });
    const added = await fetch(`${t.url}/api/sessions/${running.id}/canvases`, authed(running.access.token, { method: 'POST', body: JSON.stringify({ templateId: template.id }) }));
    expect(added.status).toBe(201);
    const addedSrc = backgroundOn(await t.server.boards.records(running.id)).src;
    expect(addedSrc).toBe(`/api/sessions/${running.id}/assets/${assetId}`);
    expect((await readImage({ id: running.id, token: running.access.token }, addedSrc!)).status).toBe(200);

    // The daily sweep of unused images leaves templates' images alone.
    await t.server.unusedImages.sweep();
    const again = await createSession(t.url, { title: 'Troisième marche', templateIds: [template.id] });
    const againSrc = backgroundOn(await t.server.boards.records(again.id)).src!;
    expect((await readImage({ id: again.id, token: again.access.token }, againSrc)).status).toBe(200);
  });

  it('exports the image in the template file and imports it whole, or refuses the file and keeps nothing', async () => {
    const { session, assetId } = await boardWithMap();
    const template = await saveAsTemplate(session);
    const file = (await (await fetch(`${t.url}/api/templates/${template.id}/export`)).json()) as Template & { assets: { id: string; data: string }[] };
    expect(file.assets.map((a) => a.id)).toEqual([assetId]);

    const post = (body: unknown) =>
      fetch(`${t.url}/api/templates`, { method: 'POST', headers: { 'content-type': 'application/json', ...asDevice(session) }, body: JSON.stringify(body) });
    const missing = await post({ ...file, id: 'carte-sans-image', assets: [] });
    expect(missing.status).toBe(400);
    expect(JSON.stringify(await missing.json())).toContain("l'image de fond");
    const broken = await post({ ...file, id: 'carte-image-cassee', assets: [{ id: assetId, data: Buffer.from('pas une image').toString('base64') }] });
    expect(broken.status).toBe(415);
    expect(JSON.stringify(await broken.json())).toMatch(/image/i);
    const listed = (await (await fetch(`${t.url}/api/templates`)).json()) as { templates: TemplateSummary[] };
    expect(listed.templates.map((x) => x.id)).not.toContain('carte-sans-image');
    expect(listed.templates.map((x) => x.id)).not.toContain('carte-image-cassee');

    expect((await post({ ...file, id: 'carte-importee' })).status).toBe(201);
    const fromImport = await createSession(t.url, { title: 'Marche importée', templateIds: ['carte-importee'] });
    const src = backgroundOn(await t.server.boards.records(fromImport.id)).src!;
    expect((await readImage({ id: fromImport.id, token: fromImport.access.token }, src)).status).toBe(200);
  });
});
