/** A page whose code cannot be fetched (offline, or a new version deployed since the entry was loaded) says so. */
import { describe, it } from 'vitest';
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
});
