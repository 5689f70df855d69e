import { mkdir } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { seriousViolations } from '../helpers/axe.js';
import { e2eEnvironment } from '../helpers/e2eEnvironment.js';
import { workshopWith } from '../helpers/publishedWithSuites.js';

const SHOTS = '/tmp/suites-shots';

describe('the bank’s « Suites données aux idées » facet', () => {
  const env = e2eEnvironment();

  it('lets a visitor keep only the workshops whose ideas were taken on, or done, and says how many on each card', async () => {
    const { t, browser } = env;
    await workshopWith(t, 'Jardins partagés du Clos', ['realisee', 'retenue', 'a_l_etude']);
    await workshopWith(t, 'Place du marché', ['en_cours']);
    await workshopWith(t, 'Mobilités du quotidien', ['a_l_etude']);

    await mkdir(SHOTS, { recursive: true });
    const visitor = await (await browser.newContext({ locale: 'fr-FR', viewport: { width: 1440, height: 900 } })).newPage();
    await visitor.goto(`${t.url}/banque`);
    const cards = visitor.locator('.bank-list > li h2');
    // The bank's page loads on demand, then its list: more than a poll's default second on a busy host.
    await expect.poll(() => cards.allTextContents(), { timeout: 20_000 }).toHaveLength(3);
    const jardins = visitor.locator('.bank-list > li').filter({ hasText: 'Jardins partagés du Clos' });
    expect(await jardins.locator('.follow-up-counts').textContent()).toBe('2 idées retenues · 1 réalisée');
    expect(await visitor.locator('.bank-list > li').filter({ hasText: 'Mobilités du quotidien' }).locator('.follow-up-counts').count()).toBe(0);

    await visitor.getByText('Filtres', { exact: true }).click();
    const facet = visitor.getByLabel('Suites données aux idées');
    await facet.selectOption({ label: 'Avec des idées retenues' });
    await expect.poll(async () => (await cards.allTextContents()).sort()).toEqual(['Jardins partagés du Clos', 'Place du marché']);
    await facet.selectOption({ label: 'Avec des idées réalisées' });
    await expect.poll(() => cards.allTextContents()).toEqual(['Jardins partagés du Clos']);
    // The facet is in the address, as every filter: the same selection can be shared.
    expect(visitor.url()).toBe(`${t.url}/banque?suites=realisees`);
    expect(await seriousViolations(visitor)).toEqual([]);

    for (const viewport of [{ width: 1440, height: 900 }, { width: 1280, height: 800 }, { width: 390, height: 844 }]) {
      await visitor.setViewportSize(viewport);
      await visitor.screenshot({ path: `${SHOTS}/bank-facet-${viewport.width}x${viewport.height}.png`, fullPage: true });
    }
    await facet.selectOption({ label: 'Tous' });
    await expect.poll(() => cards.allTextContents()).toHaveLength(3);
  }, 90_000);
});
