import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { trameMeta } from '../../shared/boardLayout.js';
import type { PinCollection } from '../../shared/mapApi.js';
import { isMapBounds, pointOnMap } from '../../shared/mapProjection.js';
import { authed, createSession, joinSession } from '../helpers/api.js';
import { foreignRequests, launchBrowser, recordRequests } from '../helpers/browser.js';
import { builtClientDir } from '../helpers/clientDir.js';
import { openCockpitSection } from '../helpers/cockpit.js';
import { readPdf } from '../helpers/pdf.js';
import { writeTestPmtiles } from '../helpers/pmtilesFixture.js';
import { noteRecord } from '../helpers/records.js';
import { removeDataDir, startTestServer, type TestServer } from '../helpers/startTestServer.js';
import { connectYjsClient, whenSynced } from '../helpers/yjsClient.js';

describe('a carte sensible on a map of the territory', () => {
  let dir: string;
  let t: TestServer;
  let browser: Browser;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'trame-tiles-'));
    await writeTestPmtiles(path.join(dir, 'territoire.pmtiles'));
    t = await startTestServer({ clientDir: builtClientDir(), mapTiles: path.join(dir, 'territoire.pmtiles') });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
    if (t) await removeDataDir(t.dataDir);
    await rm(dir, { recursive: true, force: true });
  });

  it('lays the framed map under the notes, and a pin placed on it is exported as GeoJSON with its coordinates', async () => {
    const session = await createSession(t.url, { title: 'Marche sensible à Lumbres', templateIds: ['carte-sensible'] });
    const participant = await joinSession(t.url, session.joinCode, 'Yasmine', 'habitant');
    const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    const requests = recordRequests(page);
    await page.goto(`${t.url}/s/${session.id}#acces=${session.access.token}`);
    await page.getByTestId('connection-status').filter({ hasText: 'Connecté' }).waitFor({ timeout: 20_000 });
    await openCockpitSection(page, 'Tableau et canevas');
    await page.getByRole('button', { name: 'Choisir sur la carte…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Cadrer le territoire' });
    await dialog.locator('canvas.maplibregl-canvas').waitFor({ timeout: 15_000 });
    await dialog.getByRole('button', { name: 'Zoomer', exact: true }).click();
    await page.waitForTimeout(800);
    await page.screenshot({ path: 'test-results/map-picker-1440.png' });
    await dialog.getByRole('button', { name: 'Poser cette carte' }).click();
    await page.getByRole('status').filter({ hasText: 'Carte posée' }).waitFor({ timeout: 20_000 });

    // A participant's note on the map, where a person drags it: its centre a quarter in from the map's top-left corner.
    const client = connectYjsClient(t.wsUrl, session.id, { token: participant.token });
    await whenSynced(client);
    const map = [...client.records.values()].find((r) => isMapBounds(trameMeta(r)?.map)) as
      | (ReturnType<typeof client.records.get> & { x: number; y: number; props: { w: number; h: number } })
      | undefined;
    expect(map).toBeDefined();
    expect(map!.isLocked).toBe(true);
    const bounds = trameMeta(map!)!.map!;
    expect(bounds.west).toBeLessThan(2.1227);
    expect(bounds.east).toBeGreaterThan(2.1227);
    const at = { x: map!.x + map!.props.w / 4, y: map!.y + map!.props.h / 4 };
    client.records.set('shape:pin1', noteRecord('pin1', 'Trottoir trop étroit devant l’école', { x: at.x - 100, y: at.y - 100 }, { participantId: participant.participantId, college: 'habitant' }));
    await new Promise((r) => setTimeout(r, 500));
    client.destroy();

    const res = await fetch(`${t.url}/api/sessions/${session.id}/export/pins.geojson`, authed(session.access.token));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/application\/geo\+json/);
    const geojson = (await res.json()) as PinCollection;
    expect(geojson.features).toHaveLength(1);
    const expected = pointOnMap(bounds, 0.25, 0.25);
    const [lng, lat] = geojson.features[0]!.geometry.coordinates;
    expect(lng).toBeCloseTo(expected.lng, 5);
    expect(lat).toBeCloseTo(expected.lat, 5);
    expect(geojson.features[0]!.properties).toMatchObject({ text: 'Trottoir trop étroit devant l’école', college: 'habitant', zone: 'Fond de carte' });
    expect((await fetch(`${t.url}/api/sessions/${session.id}/export/pins.geojson`, authed(participant.token))).status).toBe(403);

    // The report lists the pin with its number and coordinates beside the map.
    const pdf = Buffer.from(await (await fetch(`${t.url}/api/sessions/${session.id}/report.pdf`, authed(session.access.token))).arrayBuffer());
    const { text } = await readPdf(pdf);
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('Lieux cités sur la carte');
    expect(flat).toContain('Trottoir trop étroit devant l’école');
    const frenchDegrees = (v: number) => Math.abs(v).toFixed(5).replace('.', ',');
    expect(flat).toContain(`${frenchDegrees(lat!)}° ${lat! >= 0 ? 'N' : 'S'}, ${frenchDegrees(lng!)}° ${lng! >= 0 ? 'E' : 'O'}`);
    await writeFile('test-results/carte-sensible-report.pdf', pdf);

    await page.locator('.tl-image').first().waitFor({ timeout: 10_000 });
    await page.waitForTimeout(500);
    await page.screenshot({ path: 'test-results/carte-sensible-map-1440.png' });
    expect(foreignRequests(requests, t.url)).toEqual([]);
    await context.close();

    const phone = await browser.newContext({ locale: 'fr-FR', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const phonePage = await phone.newPage();
    await phonePage.goto(`${t.url}/s/${session.id}#acces=${participant.token}`);
    await phonePage.getByRole('button', { name: 'Voir le tableau complet' }).click();
    await phonePage.locator('.tl-image').first().waitFor({ timeout: 15_000 });
    await phonePage.waitForTimeout(800);
    await phonePage.screenshot({ path: 'test-results/carte-sensible-map-390.png' });
    await phone.close();
  }, 90_000);
});
