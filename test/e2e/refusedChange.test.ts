/**
 * A participant deletes someone else's note in a real browser: the server
 * refuses it, the note comes back on that participant's board and a short
 * French message says why.
 */
import { mkdir } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { seriousViolations } from '../helpers/axe.js';
import { createSession, joinSession } from '../helpers/api.js';
import { openCockpitSection } from '../helpers/cockpit.js';
import { e2eEnvironment } from '../helpers/e2eEnvironment.js';
import { noteRecord } from '../helpers/records.js';
import { connectYjsClient, eventually, whenSynced } from '../helpers/yjsClient.js';

describe('a refused change in the browser', () => {
  const env = e2eEnvironment();

  /** A session where Alice (habitant) has written a note through her own client, and Bob (élu) has joined. */
  async function aliceWroteANote(title: string) {
    const session = await createSession(env.t.url, { title });
    const alice = await joinSession(env.t.url, session.joinCode, 'Alice', 'habitant');
    const bob = await joinSession(env.t.url, session.joinCode, 'Bob', 'elu');
    const aliceBoard = connectYjsClient(env.t.wsUrl, session.id, { token: alice.token });
    await whenSynced(aliceBoard);
    const note = noteRecord('alice', 'La note d’Alice', { x: 200, y: 150 }, { participantId: alice.participantId, college: 'habitant' });
    aliceBoard.records.set(note.id, note);
    return { session, bob, aliceBoard, note };
  }

  it("puts back another participant's note that this one deleted, with « Cette note appartient à quelqu'un d'autre »", async () => {
    const { session, bob, aliceBoard, note } = await aliceWroteANote('Notes de chacun');

    await mkdir('test-results', { recursive: true });
    for (const [width, height] of [[1440, 900], [1280, 800], [390, 844]] as const) {
      const context = await env.browser.newContext({ locale: 'fr-FR', viewport: { width, height } });
      const page = await context.newPage();
      await page.goto(`${env.t.url}/s/${session.id}#acces=${bob.token}`);
      await page.getByTestId('connection-status').filter({ hasText: 'Connecté' }).waitFor({ timeout: 20_000 });
      // Phones start with the list view; the refusal is shown over the board.
      const listShown = page.locator('.view-switch[aria-pressed="true"]');
      if ((await listShown.count()) > 0) await listShown.click();
      const shape = page.locator('.tl-shape').filter({ hasText: 'La note d’Alice' });
      await shape.waitFor({ timeout: 15_000 });
      await shape.click();
      await page.keyboard.press('Delete');

      await page.getByRole('alert').filter({ hasText: "Cette note appartient à quelqu'un d'autre" }).waitFor({ timeout: 10_000 });
      await expect.poll(() => shape.count(), { timeout: 10_000 }).toBe(1);
      await page.screenshot({ path: `test-results/refused-change-${width}x${height}.png` });
      await context.close();
    }
    await eventually(() => expect(aliceBoard.records.get(note.id)).toEqual(note));
    aliceBoard.destroy();
  }, 120_000);

  it("lets that deletion through once the facilitator ticks « Tout le monde peut modifier les notes de tous »", async () => {
    const { session, bob, aliceBoard, note } = await aliceWroteANote('Notes de tous');

    const context = await env.browser.newContext({ locale: 'fr-FR', viewport: { width: 1440, height: 900 } });
    const facilitator = await context.newPage();
    await facilitator.goto(`${env.t.url}/s/${session.id}#acces=${session.access.token}`);
    await openCockpitSection(facilitator, 'Participants et accès');
    const option = facilitator.getByRole('checkbox', { name: 'Tout le monde peut modifier les notes de tous' });
    expect(await option.isChecked()).toBe(false);
    await option.click();
    await expect.poll(() => option.isChecked()).toBe(true);
    expect(await seriousViolations(facilitator)).toEqual([]);
    for (const [width, height] of [[1440, 900], [1280, 800], [390, 844]] as const) {
      await facilitator.setViewportSize({ width, height });
      await option.scrollIntoViewIfNeeded();
      await facilitator.screenshot({ path: `test-results/everyone-edits-option-${width}x${height}.png` });
    }
    await facilitator.setViewportSize({ width: 1440, height: 900 });

    const page = await context.newPage();
    await page.goto(`${env.t.url}/s/${session.id}#acces=${bob.token}`);
    await page.getByTestId('connection-status').filter({ hasText: 'Connecté' }).waitFor({ timeout: 60_000 });
    const shape = page.locator('.tl-shape').filter({ hasText: 'La note d’Alice' });
    await shape.waitFor({ timeout: 30_000 });
    await shape.click();
    await page.keyboard.press('Delete');
    await eventually(() => expect(aliceBoard.records.has(note.id)).toBe(false));
    expect(await page.getByRole('alert').filter({ hasText: "Cette note appartient à quelqu'un d'autre" }).count()).toBe(0);
    await context.close();
    aliceBoard.destroy();
  }, 240_000);
});
