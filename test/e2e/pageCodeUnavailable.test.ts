/** A page whose code cannot be fetched (offline, or a new version deployed since the entry was loaded) says so. */
import { describe, it } from 'vitest';
import { createSession, joinSession } from '../helpers/api.js';
import { e2eEnvironment } from '../helpers/e2eEnvironment.js';

describe('a page whose code cannot be fetched', () => {
  const env = e2eEnvironment();

  it('tells the person in French and offers to reload, rather than a blank screen', async () => {
    const page = await env.browser.newPage({ locale: 'fr-FR', viewport: { width: 1440, height: 900 } });
    try {
      await page.route(/HomePage-.*\.js$/, (route) => route.abort('internetdisconnected'));
      await page.goto(`${env.t.url}/`);
      await page.getByRole('alert').filter({ hasText: "Cette page n'a pas pu s'afficher. Vérifiez la connexion, puis rechargez la page." }).waitFor();
      await page.getByRole('link', { name: 'Recharger la page' }).waitFor();
    } finally {
      await page.close();
    }
  }, 60_000);

  it("tells a phone whose list code, asked for by the board's page, never arrived", async () => {
    const session = await createSession(env.t.url, { title: 'Centre-bourg', templateIds: ['afom-du-territoire'] });
    const grant = await joinSession(env.t.url, session.joinCode, 'Yasmine', 'habitant');
    const context = await env.browser.newContext({ locale: 'fr-FR', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    try {
      const page = await context.newPage();
      await page.route(/PhoneBoard-.*\.js$/, (route) => route.abort('internetdisconnected'));
      await page.goto(`${env.t.url}/s/${session.id}#acces=${grant.token}`);
      await page.getByRole('alert').filter({ hasText: "Cette page n'a pas pu s'afficher. Vérifiez la connexion, puis rechargez la page." }).waitFor();
      await page.unroute(/PhoneBoard-.*\.js$/);
      await page.getByRole('link', { name: 'Recharger la page' }).tap();
      await page.getByLabel('Votre idée').waitFor();
    } finally {
      await context.close();
    }
  }, 60_000);
});
