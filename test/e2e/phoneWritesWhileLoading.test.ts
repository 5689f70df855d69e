/**
 * A phone's list view takes the idea's words before the board has arrived: the person writes while the board
 * loads; choosing the zone and adding wait for the board, said in a status line.
 */
import { describe, expect, it } from 'vitest';
import { createSession, joinSession } from '../helpers/api.js';
import { e2eEnvironment } from '../helpers/e2eEnvironment.js';

describe("a participant's phone while the board loads", () => {
  const env = e2eEnvironment();

  it('takes the idea at once, and waits for the board to choose its zone and add it', async () => {
    const session = await createSession(env.t.url, { title: 'Centre-bourg', templateIds: ['afom-du-territoire'] });
    const grant = await joinSession(env.t.url, session.joinCode, 'Yasmine', 'habitant');
    const context = await env.browser.newContext({ locale: 'fr-FR', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    try {
      // The board's socket opens and is never answered: the board stays on its way.
      await page.routeWebSocket(/\/yjs\//, () => undefined);
      await page.goto(`${env.t.url}/s/${session.id}#acces=${grant.token}`);
      await page.getByLabel('Votre idée').fill('Un abri vélo couvert');
      await expect.poll(() => page.getByLabel('Votre idée').inputValue()).toBe('Un abri vélo couvert');
      await page.getByRole('status').filter({ hasText: 'Le tableau se charge : vous pouvez déjà écrire votre idée.' }).waitFor();
      expect(await page.getByLabel('Dans quelle zone ?').isDisabled()).toBe(true);
      expect(await page.getByRole('button', { name: "Ajouter l'idée" }).isDisabled()).toBe(true);
    } finally {
      await context.close();
    }
  }, 60_000);
});
