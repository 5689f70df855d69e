/**
 * « Supprimer mes contributions » in a real browser: a participant opens the dialog from the workshop bar,
 * reads what goes, confirms; their note leaves the other participant's board, the device forgets its access,
 * and the facilitator's panel counts one withdrawal.
 */
import { mkdir } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { createSession, joinSession } from '../helpers/api.js';
import { seriousViolations } from '../helpers/axe.js';
import { openCockpitSection } from '../helpers/cockpit.js';
import { e2eEnvironment } from '../helpers/e2eEnvironment.js';
import { noteRecord } from '../helpers/records.js';
import { connectYjsClient, eventually, whenSynced } from '../helpers/yjsClient.js';

const SHOTS = process.env.SHOTS_DIR ?? 'test-results';

describe('« Supprimer mes contributions » in the browser', () => {
  const env = e2eEnvironment();

  it("removes the participant's note from the others' board after a confirmation, and tells the facilitator how many withdrew", async () => {
    const session = await createSession(env.t.url, { title: 'Atelier mobilités' });
    const alice = await joinSession(env.t.url, session.joinCode, 'Alice', 'habitant');
    const bob = await joinSession(env.t.url, session.joinCode, 'Bob', 'elu');
    const aliceBoard = connectYjsClient(env.t.wsUrl, session.id, { token: alice.token });
    const bobBoard = connectYjsClient(env.t.wsUrl, session.id, { token: bob.token });
    await Promise.all([whenSynced(aliceBoard), whenSynced(bobBoard)]);
    aliceBoard.records.set('shape:alice', noteRecord('alice', 'La note d’Alice', { x: 100, y: 100 }));
    bobBoard.records.set('shape:bob', noteRecord('bob', 'La note de Bob', { x: 400, y: 100 }));
    await eventually(() => expect(aliceBoard.records.has('shape:bob')).toBe(true));
    bobBoard.destroy();

    await mkdir(SHOTS, { recursive: true });
    // Looked at on every size, cancelled: nothing is removed until the confirmation.
    for (const [width, height] of [[390, 844], [1280, 800], [1440, 900]] as const) {
      const context = await env.browser.newContext({ locale: 'fr-FR', viewport: { width, height } });
      const page = await context.newPage();
      await page.goto(`${env.t.url}/s/${session.id}#acces=${bob.token}`);
      await page.getByTestId('connection-status').filter({ hasText: 'Connecté' }).waitFor({ timeout: 20_000 });
      await page.getByRole('button', { name: 'Mes contributions' }).click();
      const dialog = page.getByRole('dialog', { name: 'Supprimer mes contributions' });
      await dialog.waitFor();
      expect(await dialog.textContent()).toContain('Cette suppression est définitive.');
      // The safe choice has the focus.
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Annuler');
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: `${SHOTS}/withdraw-dialog-${width}x${height}.png` });
      if (width !== 1440) {
        await page.keyboard.press('Escape');
        await expect.poll(() => dialog.count()).toBe(0);
        await context.close();
        continue;
      }
      expect(aliceBoard.records.has('shape:bob')).toBe(true);
      await dialog.getByRole('button', { name: 'Supprimer mes contributions' }).click();
      const done = page.getByRole('status').filter({ hasText: 'Vos contributions ont été supprimées' });
      await done.waitFor({ timeout: 10_000 });
      expect(await done.textContent()).toContain('1 note ou dessin retiré du tableau');
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: `${SHOTS}/withdraw-done-${width}x${height}.png` });
      // The device forgot its access: the session sends it to the join page.
      await page.goto(`${env.t.url}/s/${session.id}`);
      await page.waitForURL(/\/rejoindre/, { timeout: 10_000 });
      await context.close();
    }

    await eventually(() => {
      expect(aliceBoard.records.has('shape:bob')).toBe(false);
      expect(aliceBoard.records.has('shape:alice')).toBe(true);
    });

    const context = await env.browser.newContext({ locale: 'fr-FR', viewport: { width: 1440, height: 900 } });
    const facilitator = await context.newPage();
    await facilitator.goto(`${env.t.url}/s/${session.id}#acces=${session.access.token}`);
    await openCockpitSection(facilitator, 'Participants et accès');
    await facilitator.getByText('1 personne a supprimé ses contributions').waitFor({ timeout: 15_000 });
    const list = (await facilitator.locator('.participant-list').textContent()) ?? '';
    expect(list).toContain('Alice');
    expect(list).not.toContain('Bob');
    await facilitator.screenshot({ path: `${SHOTS}/withdraw-facilitator-1440x900.png` });
    await context.close();
    aliceBoard.destroy();
  }, 180_000);
});
