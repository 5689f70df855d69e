import { describe, expect, it } from 'vitest';
import { createSession } from '../helpers/api.js';
import { e2eEnvironment } from '../helpers/e2eEnvironment.js';

describe('the information notice at join', () => {
  const env = e2eEnvironment();

  it('tells a participant the purpose, legal basis, retention, rights and whom to contact before they join', async () => {
    const session = await createSession(env.t.url, { title: 'Atelier mobilité' });
    for (const viewport of [
      { width: 390, height: 844 },
      { width: 1280, height: 800 },
    ]) {
      const page = await (await env.browser.newContext({ locale: 'fr-FR', viewport })).newPage();
      await page.goto(`${env.t.url}/rejoindre/${session.joinCode}`);
      await page.getByText('Vos données et vos droits').click();
      const notice = page.locator('.privacy-notice');
      await expect.poll(() => notice.textContent()).toContain("mission d'intérêt public");
      const text = (await notice.textContent()) ?? '';
      for (const part of ['Finalité', 'Conservation', '365 jours', 'Vos droits', 'Contact']) expect(text).toContain(part);
      await page.screenshot({ path: `test-results/join-notice-${viewport.width}.png`, fullPage: true });
      await page.context().close();
    }
  });
});
