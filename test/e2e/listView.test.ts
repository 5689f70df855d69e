import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contributionsByZone } from '../../shared/boardContent.js';
import { readBoardGeometry } from '../../shared/boardGeometry.js';
import { placeNote } from '../../shared/notePlacement.js';
import { createSession, joinSession, type CreatedSession } from '../helpers/api.js';
import { launchBrowser } from '../helpers/browser.js';
import { builtClientDir } from '../helpers/clientDir.js';
import { connectFacilitation, send, type FacilitationClient } from '../helpers/facilitationClient.js';
import { tabTo } from '../helpers/keyboard.js';
import { removeDataDir, startTestServer, type TestServer } from '../helpers/startTestServer.js';
import { noteRecord } from '../helpers/records.js';
import { connectYjsClient, eventually, whenSynced, type YjsClient } from '../helpers/yjsClient.js';

describe('taking part without the canvas', () => {
  let t: TestServer;
  let browser: Browser;
  let session: CreatedSession;
  let facilitation: FacilitationClient;
  let reader: YjsClient;

  const zoneOf = (text: string) =>
    contributionsByZone(reader.records.values()).zones.find((z) => z.contributions.some((c) => c.text === text))?.label;
  const dotsOn = (text: string) => {
    const note = contributionsByZone(reader.records.values()).zones.flatMap((z) => z.contributions).find((c) => c.text === text);
    return note ? (facilitation.state()?.vote?.totals?.[note.id] ?? 0) : 0;
  };

  beforeAll(async () => {
    t = await startTestServer({ clientDir: builtClientDir() });
    browser = await launchBrowser();
    session = await createSession(t.url, { title: 'Centre-bourg', templateIds: ['afom-du-territoire'] });
    facilitation = await connectFacilitation(t.url, session.id, session.access.token);
    expect((await send(facilitation.socket, 'vote:open', { canvasId: null, budget: 3, maxPerNote: 3, showTotals: true })).ok).toBe(true);
    reader = connectYjsClient(t.wsUrl, session.id, { token: session.access.token });
    await whenSynced(reader);
  });
  afterAll(async () => {
    reader?.destroy();
    facilitation?.close();
    await browser?.close();
    await t?.close();
    if (t) await removeDataDir(t.dataDir);
  });

  it('lets a phone participant add an idea to a zone and vote in the simple view; the facilitator sees it in that zone', { timeout: 90_000 }, async () => {
    const grant = await joinSession(t.url, session.joinCode, 'Yasmine', 'habitant');
    const phone = await (
      await browser.newContext({ locale: 'fr-FR', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })
    ).newPage();
    await phone.goto(`${t.url}/s/${session.id}#acces=${grant.token}`);
    const list = phone.getByTestId('list-view');
    await list.waitFor({ timeout: 20_000 });
    await phone.getByLabel('Votre idée').fill('Des bancs à l’ombre');
    await phone.getByLabel('Dans quelle zone ?').selectOption({ label: 'Faiblesses' });
    await phone.getByRole('button', { name: "Ajouter l'idée" }).tap();
    await phone.getByText('Idée ajoutée dans « Faiblesses ».').waitFor();
    await eventually(() => expect(zoneOf('Des bancs à l’ombre')).toBe('Faiblesses'));

    await phone.getByRole('button', { name: '+1 gommette pour « Des bancs à l’ombre »' }).tap();
    await eventually(() => expect(dotsOn('Des bancs à l’ombre')).toBe(1));
    await list.getByText('il vous reste 2 gommettes').waitFor();

    const board = await (await browser.newContext({ locale: 'fr-FR', viewport: { width: 1400, height: 900 } })).newPage();
    await board.goto(`${t.url}/s/${session.id}#acces=${session.access.token}`);
    await board.locator('.tl-shape').filter({ hasText: 'Des bancs à l’ombre' }).waitFor({ timeout: 20_000 });
  });

  it('works with the keyboard alone: join by code, add an idea to a zone, vote', { timeout: 90_000 }, async () => {
    const page = await (await browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 900 } })).newPage();
    await page.goto(t.url);
    await tabTo(page, page.getByLabel("Code de l'atelier"));
    await page.keyboard.type(session.joinCode);
    await page.keyboard.press('Enter');
    await page.getByLabel('Votre pseudonyme').waitFor();
    await tabTo(page, page.getByLabel('Votre pseudonyme'));
    await page.keyboard.type('Noé');
    await tabTo(page, page.getByRole('radio', { name: /Élu·e/ }));
    await page.keyboard.press('Space');
    await tabTo(page, page.getByRole('button', { name: "Entrer dans l'atelier" }));
    await page.keyboard.press('Enter');
    await page.getByTestId('connection-status').filter({ hasText: 'Connecté' }).waitFor({ timeout: 20_000 });

    await tabTo(page, page.getByRole('button', { name: 'Vue liste' }));
    await page.keyboard.press('Enter');
    await tabTo(page, page.getByLabel('Votre idée'));
    await page.keyboard.type('Une navette le samedi');
    const zoneSelect = page.getByLabel('Dans quelle zone ?');
    await tabTo(page, zoneSelect);
    const options = await zoneSelect.locator('option').allTextContents();
    for (let i = 0; i < options.indexOf('Opportunités'); i++) await page.keyboard.press('ArrowDown');
    expect(await zoneSelect.evaluate((el: HTMLSelectElement) => el.selectedOptions[0]?.textContent)).toBe('Opportunités');
    await tabTo(page, page.getByRole('button', { name: "Ajouter l'idée" }));
    await page.keyboard.press('Enter');
    await eventually(() => expect(zoneOf('Une navette le samedi')).toBe('Opportunités'));

    await tabTo(page, page.getByRole('button', { name: '+1 gommette pour « Une navette le samedi »' }));
    await page.keyboard.press('Enter');
    await eventually(() => expect(dotsOn('Une navette le samedi')).toBe(1));
  });

  it('grows a full zone by a row for an idea from the list view, rather than sending it to the débordement band', { timeout: 90_000 }, async () => {
    const menaces = () => readBoardGeometry(reader.records.values()).zones.find((z) => z.label === 'Menaces')!;
    const before = menaces();
    for (let n = 0; ; n++) {
      const geometry = readBoardGeometry(reader.records.values());
      const spot = placeNote(geometry, geometry.zones.find((z) => z.shapeId === before.shapeId)!);
      if (spot.overflow) break;
      const note = noteRecord(`menace-${n}`, `Menace ${n}`, spot);
      reader.records.set(note.id, note);
    }
    const grant = await joinSession(t.url, session.joinCode, 'Lina', 'agent');
    const phone = await (
      await browser.newContext({ locale: 'fr-FR', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })
    ).newPage();
    await phone.goto(`${t.url}/s/${session.id}#acces=${grant.token}`);
    await phone.getByTestId('list-view').waitFor({ timeout: 20_000 });
    await phone.getByLabel('Votre idée').fill('La fermeture de la poste');
    await phone.getByLabel('Dans quelle zone ?').selectOption({ label: 'Menaces' });
    await phone.getByRole('button', { name: "Ajouter l'idée" }).tap();
    await phone.getByText('Idée ajoutée dans « Menaces ».').waitFor();
    expect(menaces().box.h).toBeGreaterThan(before.box.h);
    await eventually(() => expect(zoneOf('La fermeture de la poste')).toBe('Menaces'));
  });
});
