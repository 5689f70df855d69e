import { mkdir } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { Suite } from '../../shared/suites.js';
import { authed, createSession } from '../helpers/api.js';
import { seriousViolations } from '../helpers/axe.js';
import { openCockpitSection } from '../helpers/cockpit.js';
import { e2eEnvironment } from '../helpers/e2eEnvironment.js';
import { mapRecord, noteRecord } from '../helpers/records.js';
import { connectYjsClient, eventually, whenSynced } from '../helpers/yjsClient.js';

const SHOTS = '/tmp/suites-shots';
const MAP = { west: -1.6, south: 47.15, east: -1.5, north: 47.2 };

describe('the location of a suite, in the « Suites » section', () => {
  const env = e2eEnvironment();

  it('is named and placed by the facilitator, by its coordinates or from a note on the map, each error beside its field', async () => {
    const { t, browser } = env;
    const session = await createSession(t.url, { title: 'Centre-bourg' });
    const token = session.access.token;
    const board = connectYjsClient(t.wsUrl, session.id, { token });
    await whenSynced(board);
    board.records.set('shape:carte', mapRecord('carte', { x: 0, y: 0, w: 1000, h: 800 }, MAP));
    board.records.set('shape:ecole', noteRecord('ecole', 'Trottoir étroit devant l’école', { x: 150, y: 100 }));
    await new Promise((r) => setTimeout(r, 300));
    board.destroy();

    const page = await (await browser.newContext({ locale: 'fr-FR', viewport: { width: 1440, height: 900 } })).newPage();
    await page.goto(`${t.url}/s/${session.id}#acces=${token}`);
    const note = page.locator('.tl-shape').filter({ hasText: 'Trottoir étroit' });
    await note.waitFor({ timeout: 20_000 });
    await openCockpitSection(page, 'Suites');
    await note.click();
    await page.getByRole('button', { name: 'Créer une suite depuis la note sélectionnée' }).click({ timeout: 5000 });
    const panel = page.locator('.suites-panel');
    await panel.getByText('Suite créée.').waitFor();
    await panel.locator('.suite-item summary').first().click();
    const stored = async () => ((await (await fetch(`${t.url}/api/sessions/${session.id}/suites`, authed(token))).json()) as { suites: Suite[] }).suites[0]!;
    // Created from a note on the map, the suite already has the note's point.
    const pin = (await stored()).location!;
    expect(pin.longitude).toBeCloseTo(-1.575, 3);

    const latitude = panel.getByLabel('Latitude', { exact: true });
    const longitude = panel.getByLabel('Longitude', { exact: true });
    await expect.poll(() => latitude.inputValue()).toBe(String(pin.latitude));
    await panel.getByLabel('Nom du lieu').fill('Place de la mairie');
    await latitude.fill('47,18');
    await longitude.fill('');
    await panel.getByRole('button', { name: 'Enregistrer' }).click();
    await panel.getByText('Donnez aussi la longitude.').waitFor();
    expect(await longitude.getAttribute('aria-invalid')).toBe('true');
    expect(await longitude.evaluate((el) => el === document.activeElement)).toBe(true);

    // Both numbers pasted into the latitude, as a map site copies them.
    await latitude.fill('47.1801, -1.5402');
    await panel.getByRole('button', { name: 'Enregistrer' }).click();
    await panel.getByText('Suite enregistrée.').waitFor();
    expect(await stored()).toMatchObject({ placeName: 'Place de la mairie', location: { latitude: 47.1801, longitude: -1.5402 } });
    expect(await longitude.inputValue()).toBe('-1.5402');
    expect(await longitude.getAttribute('aria-invalid')).toBeNull();

    // Out of range: the server's refusal, under the field it names; nothing saved.
    await latitude.fill('95');
    await panel.getByRole('button', { name: 'Enregistrer' }).click();
    await panel.getByText('La latitude est comprise entre -90 et 90 degrés.').first().waitFor();
    expect(await latitude.getAttribute('aria-invalid')).toBe('true');
    expect((await stored()).location).toEqual({ latitude: 47.1801, longitude: -1.5402 });

    // Back to the point of the note on the map (still the one selected), the place name kept.
    await panel.getByRole('button', { name: 'Prendre le point de la note sélectionnée' }).click();
    await panel.getByText('Point pris sur la carte.').waitFor();
    await expect.poll(() => latitude.inputValue()).toBe(String(pin.latitude));
    expect(await stored()).toMatchObject({ placeName: 'Place de la mairie', location: pin });

    await mkdir(SHOTS, { recursive: true });
    for (const viewport of [{ width: 1440, height: 900 }, { width: 1280, height: 800 }, { width: 390, height: 844 }]) {
      await page.setViewportSize(viewport);
      await eventually(async () => expect(await panel.locator('.suite-location').count()).toBe(1));
      await panel.locator('.suite-location').scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${SHOTS}/suite-location-${viewport.width}x${viewport.height}.png` });
      expect(await seriousViolations(page), `${viewport.width}x${viewport.height}`).toEqual([]);
    }
  }, 120_000);
});
