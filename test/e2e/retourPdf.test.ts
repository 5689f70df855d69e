import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { Suite } from '../../shared/suites.js';
import { authed } from '../helpers/api.js';
import { openCockpitSection } from '../helpers/cockpit.js';
import { e2eEnvironment } from '../helpers/e2eEnvironment.js';
import { readPdf } from '../helpers/pdf.js';
import { suiteWorkshop } from '../helpers/suiteWorkshop.js';

const SHOTS = '/tmp/suites-shots';

describe('« Retour aux participant·es »', () => {
  const env = e2eEnvironment();

  it('is downloaded from the Suites section as a one-page anonymised PDF telling each idea’s status and reason', async () => {
    const { t, browser } = env;
    const { session, zoe, malik } = await suiteWorkshop(t);
    const token = session.access.token;
    const base = `${t.url}/api/sessions/${session.id}/suites`;
    const make = async (noteIds: string[], title?: string) =>
      (await (await fetch(base, authed(token, { method: 'POST', body: JSON.stringify({ noteIds, title }) }))).json()) as Suite;
    const status = (suite: Suite, value: string, reason?: string) =>
      fetch(`${base}/${suite.id}/status`, authed(token, { method: 'POST', body: JSON.stringify({ status: value, reason }) }));
    const bus = await make(['shape:bus'], 'Une ligne de bus le dimanche');
    await status(bus, 'retenue', 'Inscrite au budget 2027 de la commune');
    await status(bus, 'en_cours', 'Appel d’offres lancé avec la métropole');
    const navette = await make(['shape:navette']);
    await status(navette, 'realisee', 'Navette en service depuis septembre');
    const banc = await make(['shape:banc']);
    await status(banc, 'non_retenue', 'La place sera réaménagée en 2028 : les bancs seront prévus dans ce projet');

    const page = await (await browser.newContext({ locale: 'fr-FR', viewport: { width: 1440, height: 900 }, acceptDownloads: true })).newPage();
    await page.goto(`${t.url}/s/${session.id}#acces=${token}`);
    await page.locator('.tl-shape').filter({ hasText: 'Un bus le dimanche' }).waitFor({ timeout: 20_000 });
    await openCockpitSection(page, 'Suites');
    const button = page.getByRole('button', { name: 'Retour aux participant·es (PDF)' });
    await button.waitFor({ timeout: 10_000 });
    await mkdir(SHOTS, { recursive: true });
    for (const viewport of [{ width: 1440, height: 900 }, { width: 1280, height: 800 }, { width: 390, height: 844 }]) {
      await page.setViewportSize(viewport);
      await button.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${SHOTS}/suite-exports-${viewport.width}x${viewport.height}.png` });
    }
    await page.setViewportSize({ width: 1440, height: 900 });

    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), button.click()]);
    expect(download.suggestedFilename()).toBe('2026-11-20-atelier-mobilites-retour-participants.pdf');
    const chunks: Buffer[] = [];
    for await (const chunk of (await download.createReadStream())!) chunks.push(chunk as Buffer);
    const pdf = Buffer.concat(chunks);
    await writeFile(`${SHOTS}/retour.pdf`, pdf);
    await promisify(execFile)('pdftoppm', ['-png', '-r', '80', `${SHOTS}/retour.pdf`, `${SHOTS}/retour`]);

    const read = await readPdf(pdf);
    expect(read.pages).toBe(1);
    expect(read.info.Title).toBe('Atelier mobilités');
    expect(read.info.Subject).toContain('Retour aux participant·es');
    const text = read.text.replace(/\s+/g, ' ');
    for (const expected of [
      'Ce que nous avons fait de vos idées',
      '« Atelier mobilités », atelier du 20 novembre 2026',
      'Merci ! Vous étiez 2 personnes à participer',
      'Une navette vers la gare',
      'Une ligne de bus le dimanche',
      'Appel d’offres lancé avec la métropole',
      'Pourquoi : La place sera réaménagée en 2028',
      'Réalisée',
      'En cours',
      'Non retenue',
    ]) expect(text).toContain(expected);
    expect(text).not.toContain('Pourquoi : Appel d’offres');
    // Done first, not retained last.
    expect(text.indexOf('Une navette vers la gare')).toBeLessThan(text.indexOf('Une ligne de bus le dimanche'));
    expect(text.indexOf('Une ligne de bus le dimanche')).toBeLessThan(text.indexOf('Des bancs place du marché'));
    for (const secret of ['Zoé', 'Malik', session.joinCode, zoe.participantId, malik.participantId]) expect(read.text).not.toContain(secret);
    expect(read.fonts.every((f) => f.embedded)).toBe(true);

    // A participant cannot print it.
    expect((await fetch(`${t.url}/api/sessions/${session.id}/export/retour.pdf`, authed(zoe.token))).status).toBe(403);

    // Zoé withdraws her contributions: the letter no longer prints her notes' words, only what the facilitator wrote.
    expect((await fetch(`${t.url}/api/sessions/${session.id}/me/contributions`, authed(zoe.token, { method: 'DELETE' }))).status).toBe(200);
    const after = await fetch(`${t.url}/api/sessions/${session.id}/export/retour.pdf`, authed(token));
    expect(after.status).toBe(200);
    const withdrawn = (await readPdf(Buffer.from(await after.arrayBuffer()))).text.replace(/\s+/g, ' ');
    for (const gone of ['Une navette vers la gare', 'Un bus le dimanche']) expect(withdrawn).not.toContain(gone);
    for (const kept of ['Une ligne de bus le dimanche', 'Appel d’offres lancé avec la métropole', 'Des bancs place du marché']) expect(withdrawn).toContain(kept);
  }, 120_000);
});
