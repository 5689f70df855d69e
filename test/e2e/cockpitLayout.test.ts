import path from 'node:path';
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createSession } from '../helpers/api.js';
import { e2eEnvironment } from '../helpers/e2eEnvironment.js';
import { unreachableControls } from '../helpers/hitTest.js';

const SCREENSHOTS = path.resolve('test-results/cockpit');
mkdirSync(SCREENSHOTS, { recursive: true });
const SIZES = [
  { width: 1440, height: 900 },
  { width: 1280, height: 800 },
];
const SECTIONS = ['Déroulé', 'Minuteur', 'Vote par gommettes', 'Écriture individuelle', 'Tableau et canevas', 'Participants et accès', 'Exports'];

describe("the facilitator's cockpit", () => {
  const env = e2eEnvironment();

  async function openCockpit(size: { width: number; height: number }): Promise<Page> {
    const session = await createSession(env.t.url, {
      title: 'Diagnostic du centre-bourg',
      templateIds: ['carte-des-acteurs', 'afom-du-territoire', 'parcours-usager', 'grille-innovation-sociale'],
    });
    const context = await env.browser.newContext({ locale: 'fr-FR', viewport: size });
    const page = await context.newPage();
    await page.goto(`${env.t.url}/s/${session.id}#acces=${session.access.token}`);
    await page.getByTestId('connection-status').filter({ hasText: 'Connecté' }).waitFor({ timeout: 20_000 });
    // Below 1,000 px the board opens with the panel closed, for the board's room; « Animation » opens it.
    if (size.width < 1_000) await page.getByRole('button', { name: 'Animation', exact: true }).click();
    await page.getByRole('complementary', { name: "Animation de l'atelier" }).waitFor();
    return page;
  }

  for (const size of SIZES) {
    it(`leaves no control covered or cut off at ${size.width}×${size.height}, panel closed or open on each section`, { timeout: 120_000 }, async () => {
      const page = await openCockpit(size);
      const panel = page.getByRole('complementary', { name: "Animation de l'atelier" });
      const problems: Record<string, unknown> = {};
      for (const section of SECTIONS) {
        const toggle = panel.getByRole('button', { name: new RegExp(`^${section}`) });
        if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
        await page.waitForTimeout(150);
        const found = await unreachableControls(page);
        if (found.length) problems[`panel open, ${section}`] = found;
        await page.screenshot({ path: path.join(SCREENSHOTS, `cockpit-${size.width}-${section.split(' ')[0]}.png`) });
      }
      await panel.getByRole('button', { name: "Masquer le panneau d'animation" }).click();
      await page.waitForTimeout(150);
      const closed = await unreachableControls(page);
      if (closed.length) problems['panel closed'] = closed;
      await page.screenshot({ path: path.join(SCREENSHOTS, `cockpit-${size.width}-closed.png`) });
      expect(problems).toEqual({});
      await page.context().close();
    });
  }

  it('on a 390×844 phone, opens the panel as a sheet under the board, every control reachable and the board in view', { timeout: 120_000 }, async () => {
    const page = await openCockpit({ width: 390, height: 844 });
    const panel = page.getByRole('complementary', { name: "Animation de l'atelier" });
    const problems: Record<string, unknown> = {};
    for (const section of SECTIONS) {
      const toggle = panel.getByRole('button', { name: new RegExp(`^${section}`) });
      if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
      await page.waitForTimeout(150);
      const found = await unreachableControls(page);
      if (found.length) problems[`panel open, ${section}`] = found;
      // The sheet lies under the board, no taller than half the screen: the board keeps the rest.
      const sheet = (await panel.boundingBox())!;
      const board = (await page.locator('.board-canvas').boundingBox())!;
      if (sheet.y < board.y + board.height - 1) problems[`${section}: sheet over the board`] = { sheet, board };
      if (sheet.height > 844 * 0.5) problems[`${section}: sheet taller than half the screen`] = sheet.height;
      if (board.height < 844 * 0.3 || board.width < 380) problems[`${section}: board too small`] = board;
      await page.screenshot({ path: path.join(SCREENSHOTS, `cockpit-390-${section.split(' ')[0]}.png`) });
    }
    await panel.getByRole('button', { name: "Masquer le panneau d'animation" }).click();
    await page.waitForTimeout(150);
    const closed = await unreachableControls(page);
    if (closed.length) problems['panel closed'] = closed;
    await page.screenshot({ path: path.join(SCREENSHOTS, 'cockpit-390-closed.png') });
    expect(problems).toEqual({});
    await page.context().close();
  });

  it('keeps at least 70 % of a 1440×900 screen for the board with the panel open', { timeout: 60_000 }, async () => {
    const page = await openCockpit({ width: 1440, height: 900 });
    const box = await page.locator('.board-canvas').boundingBox();
    expect(box).not.toBeNull();
    expect((box!.width * box!.height) / (1440 * 900)).toBeGreaterThanOrEqual(0.7);
    await page.context().close();
  });

  it('takes a click or a drag on the canvas navigator for the navigator, never for the note under it', { timeout: 90_000 }, async () => {
    const page = await openCockpit({ width: 1440, height: 900 });
    await page.getByRole('button', { name: "Masquer le panneau d'animation" }).click();
    // A note written mid-screen, then brought under the navigator with the hand tool.
    await page.locator('.tl-canvas').click({ position: { x: 700, y: 450 } });
    await page.keyboard.press('n');
    await page.mouse.click(700, 450);
    await page.locator('.tl-shape [contenteditable="true"]').waitFor();
    await page.keyboard.type('Sous le navigateur');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    const note = page.locator('.tl-shape').filter({ hasText: 'Sous le navigateur' });
    const summary = page.getByRole('navigation', { name: 'Canevas du tableau' }).locator('summary');
    const from = (await note.boundingBox())!;
    const to = (await summary.boundingBox())!;
    await page.keyboard.press('h');
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(to.x + 40, to.y + to.height / 2, { steps: 8 });
    // Held still before release, so tldraw's hand does not fling the camera on.
    await page.waitForTimeout(400);
    await page.mouse.up();
    await page.keyboard.press('v');
    const under = (await note.boundingBox())!;
    expect(under.x).toBeLessThan(to.x + 40);
    expect(under.x + under.width).toBeGreaterThan(to.x + 40);
    expect(under.y).toBeLessThan(to.y + to.height / 2);
    expect(under.y + under.height).toBeGreaterThan(to.y + to.height / 2);

    // A drag starting on the navigator moves nothing; a click opens its menu and selects nothing.
    await page.mouse.move(to.x + 40, to.y + to.height / 2);
    await page.mouse.down();
    await page.mouse.move(to.x + 240, to.y - 200, { steps: 8 });
    await page.mouse.up();
    await summary.click({ position: { x: 40, y: to.height / 2 } });
    await page.getByRole('button', { name: /^2 AFOM du territoire/ }).waitFor();
    expect(await note.boundingBox()).toEqual(under);
    expect(await page.getByTestId('style.panel').count()).toBe(0);
    expect(await unreachableControls(page)).toEqual([]);
    await page.context().close();
  });
});
