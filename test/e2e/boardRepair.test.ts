/**
 * A board stored with a record tldraw refuses still opens in the browser,
 * without that record; the facilitator's « Réparer le tableau » removes it.
 */
import { mkdir } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { createSession } from '../helpers/api.js';
import { e2eEnvironment } from '../helpers/e2eEnvironment.js';
import { noteRecord } from '../helpers/records.js';
import { connectYjsClient, eventually, whenSynced } from '../helpers/yjsClient.js';

describe('a board holding an unreadable record', () => {
  const env = e2eEnvironment();

  it('opens without it, and « Réparer le tableau » removes it for everyone', async () => {
    const session = await createSession(env.t.url, { title: 'Ancien tableau' });
    // A facilitator's edits are not checked: this stands for what older servers stored from anyone.
    const legacy = connectYjsClient(env.t.wsUrl, session.id, { token: session.access.token });
    await whenSynced(legacy);
    legacy.records.set('shape:kept', noteRecord('kept', 'Toujours lisible', { x: 100, y: 100 }));
    legacy.records.set('shape:broken', { ...noteRecord('broken', 'cassée', { x: 400, y: 100 }), props: { color: 'pink' } });

    await mkdir('test-results', { recursive: true });
    const context = await env.browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${env.t.url}/s/${session.id}#acces=${session.access.token}`);
    await page.locator('.tl-shape').filter({ hasText: 'Toujours lisible' }).waitFor({ timeout: 20_000 });
    const notice = page.getByTestId('skipped-records');
    await expect.poll(() => notice.textContent()).toContain('1 élément du tableau est illisible');
    await page.screenshot({ path: 'test-results/board-repair-1280x800.png' });

    await page.getByRole('button', { name: 'Réparer le tableau' }).click();
    await eventually(() => expect(legacy.records.has('shape:broken')).toBe(false));
    await expect.poll(() => notice.count(), { timeout: 10_000 }).toBe(0);
    expect(legacy.records.has('shape:kept')).toBe(true);
    await context.close();
    legacy.destroy();
  }, 120_000);
});
