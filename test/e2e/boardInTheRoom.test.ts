import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boxCentre, boxesOverlap, readBoardGeometry } from '../../shared/boardGeometry.js';
import { shapeText } from '../../shared/richText.js';
import { loadBuiltInTemplates } from '../../server/templates/loadBuiltInTemplates.js';
import { createSession, joinSession, type CreatedSession } from '../helpers/api.js';
import { launchBrowser } from '../helpers/browser.js';
import { builtClientDir } from '../helpers/clientDir.js';
import { connectFacilitation, send, type FacilitationClient } from '../helpers/facilitationClient.js';
import { removeDataDir, startTestServer, type TestServer } from '../helpers/startTestServer.js';
import { connectYjsClient, eventually, whenSynced, type YjsClient } from '../helpers/yjsClient.js';

const SCREENSHOTS = path.resolve('test-results/room');
const DESKTOP = { width: 1440, height: 900 };
const FOUR = ['carte-des-acteurs', 'afom-du-territoire', 'parcours-usager', 'grille-innovation-sociale'];

/** Whether a shape's text is on screen, whole. */
async function onScreen(page: Page, shape: Locator): Promise<boolean> {
  const box = await shape.boundingBox();
  const viewport = page.viewportSize()!;
  return Boolean(box && box.x >= 0 && box.y >= 0 && box.x + box.width <= viewport.width && box.y + box.height <= viewport.height);
}

const title = (page: Page, text: string) => page.locator('.tl-shape').filter({ hasText: new RegExp(`^${text}$`) });

describe('the board in the room', () => {
  let t: TestServer;
  let browser: Browser;
  let session: CreatedSession;
  let facilitation: FacilitationClient;
  let reader: YjsClient;

  beforeAll(async () => {
    t = await startTestServer({ clientDir: builtClientDir() });
    browser = await launchBrowser();
    await mkdir(SCREENSHOTS, { recursive: true });
    session = await createSession(t.url, { title: 'Centre-bourg', templateIds: FOUR });
    facilitation = await connectFacilitation(t.url, session.id, session.access.token);
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

  it('shows the whole board before the first step, then takes a participant to the canvas of each step; ideas from a phone land in their zone without overlap; a framed AFOM is readable', { timeout: 120_000 }, async () => {
    const grant = await joinSession(t.url, session.joinCode, 'Lucie', 'agent');
    const desk = await (await browser.newContext({ locale: 'fr-FR', viewport: DESKTOP })).newPage();
    await desk.goto(`${t.url}/s/${session.id}#acces=${grant.token}`);
    const navigator = desk.getByRole('navigation', { name: 'Canevas du tableau' });
    await navigator.locator('summary').filter({ hasText: 'Tout le tableau' }).waitFor({ timeout: 45_000 });
    // Before the first step: the four canvases and their titles on one screen.
    for (const name of ['Carte des acteurs du territoire', 'AFOM du territoire', 'Parcours usager', 'Grille de caractérisation']) {
      await eventually(async () => expect(await onScreen(desk, title(desk, `${name}.*`).first())).toBe(true));
    }
    await desk.screenshot({ path: path.join(SCREENSHOTS, 'board-four-canvases.png') });

    // The facilitator moves to the AFOM's first step: the participant is taken there.
    const geometry = readBoardGeometry(reader.records.values());
    const afom = geometry.canvases.find((c) => c.title === 'AFOM du territoire')!;
    // « Regrouper »: neither paused nor private, so ideas reach the board at once.
    const stepIndex = facilitation.state()!.steps.findIndex((s) => s.canvasId === afom.canvasId && !s.pauseBoard && !s.privateWriting);
    expect((await send(facilitation.socket, 'steps:go', { index: stepIndex, startTimer: false })).ok).toBe(true);
    await navigator.locator('summary').filter({ hasText: 'Canevas 2/4 : AFOM du territoire' }).waitFor();
    await eventually(async () => {
      expect(await onScreen(desk, title(desk, 'AFOM du territoire'))).toBe(true);
      expect(await onScreen(desk, title(desk, 'Parcours usager'))).toBe(false);
    });

    // A phone participant adds ideas from the list view, to the step's canvas only.
    const phoneGrant = await joinSession(t.url, session.joinCode, 'Yasmine', 'habitant');
    const phone = await (
      await browser.newContext({ locale: 'fr-FR', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })
    ).newPage();
    await phone.goto(`${t.url}/s/${session.id}#acces=${phoneGrant.token}`);
    await phone.getByTestId('list-view').waitFor({ timeout: 20_000 });
    const picker = phone.getByLabel('Dans quelle zone ?');
    // The list takes words before the board and the step have arrived: the zones offered are the step's once they have.
    await expect
      .poll(() => picker.locator('optgroup').evaluateAll((groups) => groups.map((g) => g.getAttribute('label'))), { timeout: 10_000 })
      .toEqual(['AFOM du territoire']);
    expect(await picker.locator('option').allTextContents()).toEqual(['Choisir une zone…', 'Atouts', 'Faiblesses', 'Opportunités', 'Menaces', 'Enjeux qui en découlent']);
    // Two ideas fill Atouts as drawn; a third would grow it (the list view's test), and a grown canvas is framed
    // smaller: readability is asked of the canvas as drawn.
    const ideas: [string, string][] = [
      ['Un marché le samedi', 'Atouts'],
      ['La médiathèque', 'Atouts'],
      ['Des associations actives', 'Opportunités'],
      ['Une gare fermée le dimanche', 'Faiblesses'],
      ['Un tiers-lieu', 'Opportunités'],
      ['La fermeture de la poste', 'Menaces'],
    ];
    for (const [idea, zone] of ideas) {
      await phone.getByLabel('Votre idée').fill(idea);
      await picker.selectOption({ label: zone });
      await phone.getByRole('button', { name: "Ajouter l'idée" }).tap();
      // Added once the field is empty again (two ideas in a row to one zone say the same thing in the status).
      await expect.poll(() => phone.getByLabel('Votre idée').inputValue()).toBe('');
      await phone.getByRole('status').filter({ hasText: `Idée ajoutée dans « ${zone} »` }).waitFor();
    }
    await eventually(() => {
      const now = readBoardGeometry(reader.records.values());
      const texts = ideas.map(([idea]) => idea);
      const notes = [...now.byId.values()].filter((r) => texts.includes(shapeText(r)));
      expect(notes).toHaveLength(ideas.length);
      const boxes = notes.map(now.boxOf);
      for (const [i, note] of notes.entries()) {
        const box = boxes[i]!;
        const zone = now.zoneAt(boxCentre(box), afom.canvasId);
        // In the zone chosen, under its heading, on no other note.
        expect(zone?.label).toBe(ideas.find(([idea]) => idea === shapeText(note))![1]);
        expect(boxesOverlap(box, zone!.heading)).toBe(false);
        expect(boxes.filter((other) => other !== box && boxesOverlap(other, box))).toEqual([]);
      }
    });

    // The facilitator opens the board on the current step's canvas: its notes are read at 11 px or more.
    const board = await (await browser.newContext({ locale: 'fr-FR', viewport: DESKTOP })).newPage();
    await board.goto(`${t.url}/s/${session.id}#acces=${session.access.token}`);
    const note = board.locator('.tl-shape').filter({ hasText: 'Un marché le samedi' }).locator('.tl-rich-text').first();
    // tldraw hides the shapes out of view: the note shows once the board is framed on the step's canvas, which
    // waits for the board's sync (seconds on a busy machine).
    await eventually(async () => expect(await onScreen(board, title(board, 'AFOM du territoire'))).toBe(true), 40_000);
    await note.waitFor({ timeout: 20_000 });
    await board.screenshot({ path: path.join(SCREENSHOTS, 'afom-framed-facilitator-panel-open.png') });
    // As on a projector: the facilitator's panel folded, the canvas framed again from the navigator.
    const hidePanel = board.getByRole('button', { name: "Masquer le panneau d'animation" });
    if (await hidePanel.isVisible()) await hidePanel.click();
    const boardNavigator = board.getByRole('navigation', { name: 'Canevas du tableau' });
    await boardNavigator.locator('summary').click();
    await boardNavigator.getByRole('button', { name: /^2 AFOM du territoire/ }).click();
    await board.waitForTimeout(500);
    const rendered = await note.evaluate((el: HTMLElement) => {
      const scale = el.getBoundingClientRect().width / el.offsetWidth;
      return parseFloat(getComputedStyle(el).fontSize) * scale;
    });
    expect(rendered).toBeGreaterThanOrEqual(11);
    await board.screenshot({ path: path.join(SCREENSHOTS, 'afom-framed-facilitator.png') });
    await phone.getByRole('button', { name: 'Voir le tableau complet' }).tap();
    // The phone's full board opens on the step's canvas, not on a corner.
    await eventually(async () => expect(await onScreen(phone, title(phone, 'AFOM du territoire'))).toBe(true), 30_000);
    await phone.screenshot({ path: path.join(SCREENSHOTS, 'phone-full-board.png') });

    // A participant who wandered off is not moved, and comes back with one tap.
    await desk.mouse.move(700, 450);
    await desk.mouse.wheel(0, 400);
    const next = facilitation.state()!.steps.findIndex((s) => s.canvasId === geometry.canvases[2]!.canvasId);
    expect((await send(facilitation.socket, 'steps:go', { index: next, startTimer: false })).ok).toBe(true);
    await desk.getByRole('button', { name: "Revenir au canevas de l'étape" }).click();
    await eventually(async () => expect(await onScreen(desk, title(desk, 'Parcours usager'))).toBe(true));
  });

  it('frames every canvas of the library readably at 1440 × 900', { timeout: 120_000 }, async () => {
    const templates = await loadBuiltInTemplates();
    const all = await createSession(t.url, { title: 'Bibliothèque', templateIds: templates.map((tpl) => tpl.id) });
    const page = await (await browser.newContext({ locale: 'fr-FR', viewport: DESKTOP })).newPage();
    await page.goto(`${t.url}/s/${all.id}#acces=${all.access.token}`);
    const navigator = page.getByRole('navigation', { name: 'Canevas du tableau' });
    // Fourteen canvases are some 700 shapes to sync on a busy machine.
    await navigator.locator('summary').filter({ hasText: 'Tout le tableau' }).waitFor({ timeout: 45_000 });
    await page.waitForTimeout(500);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'board-fourteen-canvases.png') });
    for (const [i, template] of templates.entries()) {
      await navigator.locator('summary').click();
      await navigator.getByRole('button', { name: new RegExp(`^${i + 1} `) }).click();
      await navigator.locator('summary').filter({ hasText: `Canevas ${i + 1}/${templates.length}` }).waitFor();
      await page.waitForTimeout(450);
      await page.screenshot({ path: path.join(SCREENSHOTS, `${String(i + 1).padStart(2, '0')}-${template.id}.png`) });
      // The canvas's example note, the size of the notes written on it, is over 80 px wide on screen.
      if (template.canvas.elements.some((el) => el.kind === 'placeholder')) {
        const widths = await page
          .locator('.tl-shape')
          .filter({ hasText: /^Exemple/ })
          .evaluateAll((els) => els.map((el) => el.getBoundingClientRect()).filter((r) => r.left >= 0 && r.right <= innerWidth).map((r) => r.width));
        expect(Math.max(0, ...widths)).toBeGreaterThanOrEqual(80);
      }
    }
  });
});
