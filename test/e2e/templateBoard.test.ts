import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contributionsByZone } from '../../shared/boardContent.js';
import { trameMeta } from '../../shared/boardLayout.js';
import { authed, joinSession } from '../helpers/api.js';
import { launchBrowser } from '../helpers/browser.js';
import { builtClientDir } from '../helpers/clientDir.js';
import { openCockpitSection } from '../helpers/cockpit.js';
import { removeDataDir, startTestServer, type TestServer } from '../helpers/startTestServer.js';
import { connectYjsClient, eventually, whenSynced } from '../helpers/yjsClient.js';

const SCREENSHOTS = path.resolve('test-results/canvases');

describe('a workshop prepared from the template library', () => {
  let t: TestServer;
  let browser: Browser;
  beforeAll(async () => {
    t = await startTestServer({ clientDir: builtClientDir() });
    browser = await launchBrowser();
    await mkdir(SCREENSHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
    if (t) await removeDataDir(t.dataDir);
  });

  it('draws three chosen canvases, exports one as SVG and PNG, keeps their zones locked for participants, and takes their notes', { timeout: 90_000 }, async () => {
    const facilitator = await (await browser.newContext({ locale: 'fr-FR', viewport: { width: 1400, height: 900 } })).newPage();
    await facilitator.goto(`${t.url}/nouvel-atelier`);
    await facilitator.getByLabel("Titre de l'atelier").fill('Diagnostic du centre-bourg');
    for (const title of ['Carte des acteurs du territoire', 'AFOM du territoire', '« Comment pourrions-nous… ? »']) {
      await facilitator.getByRole('button', { name: `Ajouter à l'atelier ${title}` }).click();
    }
    await facilitator.getByRole('button', { name: "Créer l'atelier" }).click();
    await facilitator.getByTestId('connection-status').filter({ hasText: 'Connecté' }).waitFor({ timeout: 20_000 });
    const sessionId = facilitator.url().split('/s/')[1]!;
    await expect.poll(() => facilitator.locator('.tl-shape').filter({ hasText: 'Atouts' }).count()).toBeGreaterThan(0);

    // One screenshot per canvas, framed by the facilitator's "Voir" button.
    await openCockpitSection(facilitator, 'Tableau et canevas');
    const canvasItems = facilitator.locator('.canvas-list li');
    await expect.poll(() => canvasItems.count()).toBe(3);
    for (let i = 0; i < 3; i++) {
      await canvasItems.nth(i).getByRole('button', { name: /^Voir/ }).click();
      await facilitator.waitForTimeout(300);
      await facilitator.screenshot({ path: path.join(SCREENSHOTS, `canvas-${i + 1}.png`) });
    }

    // A canvas as SVG and PNG, drawn by tldraw in the browser.
    await openCockpitSection(facilitator, 'Exports');
    await facilitator.getByLabel("Image d'un canevas").selectOption({ label: 'AFOM du territoire' });
    for (const [format, check] of [
      ['SVG', (b: Buffer) => expect(b.toString('utf8')).toMatch(/<svg[\s\S]*Atouts/)],
      ['PNG', (b: Buffer) => expect([...b.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47])],
    ] as const) {
      const [download] = await Promise.all([
        facilitator.waitForEvent('download'),
        facilitator.getByRole('button', { name: format, exact: true }).click(),
      ]);
      expect(download.suggestedFilename()).toBe(`AFOM du territoire.${format.toLowerCase()}`);
      const chunks: Buffer[] = [];
      for await (const chunk of (await download.createReadStream())!) chunks.push(chunk as Buffer);
      check(Buffer.concat(chunks));
    }

    const facilitatorToken = await facilitator.evaluate((id) => JSON.parse(localStorage.getItem(`trame.access.${id}`)!).token, sessionId);
    const reader = connectYjsClient(t.wsUrl, sessionId, { token: facilitatorToken });
    await whenSynced(reader);
    const atouts = [...reader.records.values()].find((r) => trameMeta(r)?.role === 'zone' && trameMeta(r)?.label === 'Atouts')!;
    expect(atouts.isLocked).toBe(true);

    const session = await (await fetch(`${t.url}/api/sessions/${sessionId}`, authed(facilitatorToken))).json();
    const grant = await joinSession(t.url, session.joinCode, 'Yasmine', 'habitant');
    const participant = await (await browser.newContext({ locale: 'fr-FR', viewport: { width: 1400, height: 900 } })).newPage();
    await participant.goto(`${t.url}/s/${sessionId}#acces=${grant.token}`);
    await participant.getByTestId('connection-status').filter({ hasText: 'Connecté' }).waitFor({ timeout: 20_000 });

    // Centre the participant's view on the Atouts zone: fit the page, then find its label on screen.
    const label = participant.locator('.tl-shape').filter({ hasText: /^Atouts/ }).first();
    await label.waitFor();
    const box = (await label.boundingBox())!;
    const inside = { x: box.x + box.width / 2, y: box.y + box.height / 2 };

    // Dragging the locked zone moves nothing.
    await participant.mouse.move(inside.x, inside.y);
    await participant.mouse.down();
    await participant.mouse.move(inside.x + 150, inside.y + 120, { steps: 8 });
    await participant.mouse.up();
    await participant.waitForTimeout(300);
    const after = reader.records.get(atouts.id)!;
    expect({ x: after.x, y: after.y }).toEqual({ x: atouts.x, y: atouts.y });

    // But a note can be put inside it.
    await participant.keyboard.press('Escape');
    await participant.keyboard.press('n');
    await participant.mouse.click(inside.x, inside.y);
    await participant.locator('.tl-shape [contenteditable="true"]').waitFor();
    await participant.keyboard.type('La halle du marché');
    await participant.keyboard.press('Escape');
    await eventually(() => {
      const { zones } = contributionsByZone(reader.records.values());
      const zone = zones.find((z) => z.label === 'Atouts');
      expect(zone?.contributions.map((c) => c.text)).toContain('La halle du marché');
    });
    reader.destroy();
  });
});
