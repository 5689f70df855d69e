import { describe, expect, it } from 'vitest';
import type { Suite } from '../../shared/suites.js';
import { authed } from '../helpers/api.js';
import { openCockpitSection } from '../helpers/cockpit.js';
import { e2eEnvironment } from '../helpers/e2eEnvironment.js';
import { suiteWorkshop } from '../helpers/suiteWorkshop.js';

describe('suites of voted ideas, from the board to the people who gave them', () => {
  const env = e2eEnvironment();

  it('are made by the facilitator from two voted ideas, one « retenue », read once published by a visitor and by their author from her link', async () => {
    const { t, browser } = env;
    const { session, zoe } = await suiteWorkshop(t);
    const token = session.access.token;
    const page = await (await browser.newContext({ locale: 'fr-FR', viewport: { width: 1440, height: 900 } })).newPage();
    await page.goto(`${t.url}/s/${session.id}#acces=${token}`);
    const bus = page.locator('.tl-shape').filter({ hasText: 'Un bus le dimanche' });
    const navette = page.locator('.tl-shape').filter({ hasText: 'Une navette vers la gare' });
    await bus.waitFor({ timeout: 20_000 });
    await openCockpitSection(page, 'Suites');
    const panel = page.locator('.suites-panel');
    const create = page.getByRole('button', { name: 'Créer une suite depuis la note sélectionnée' });
    for (const note of [bus, navette]) {
      await note.click();
      await create.click({ timeout: 5000 });
      await expect.poll(() => panel.locator('.suite-item').count()).toBe(note === bus ? 1 : 2);
    }
    // Each suite carries its idea's dots (2 for the bus, 1 for the shuttle).
    await expect.poll(() => panel.locator('.suite-item summary').allTextContents()).toEqual(['Un bus le dimanche À l’étude', 'Une navette vers la gare À l’étude']);
    const first = panel.locator('.suite-item').first();
    await first.locator('summary').click();
    await first.getByText('2 gommettes').waitFor();
    await first.getByLabel('Statut', { exact: true }).selectOption({ label: 'Retenue' });
    await first.getByLabel('Raison ou précision (facultative)').fill('Inscrite au budget 2027');
    await first.getByRole('button', { name: 'Changer le statut' }).click();
    await panel.getByText('Statut mis à jour.').waitFor();

    const stored = ((await (await fetch(`${t.url}/api/sessions/${session.id}/suites`, authed(token))).json()) as { suites: Suite[] }).suites;
    expect(stored.map((s) => [s.title, s.status, s.votes.total])).toEqual([
      ['Un bus le dimanche', 'retenue', 2],
      ['Une navette vers la gare', 'a_l_etude', 1],
    ]);
    const patch = (body: unknown) => fetch(`${t.url}/api/sessions/${session.id}`, authed(token, { method: 'PATCH', body: JSON.stringify(body) }));
    expect((await patch({ status: 'finished' })).status).toBe(200);
    expect((await patch({ published: true })).status).toBe(200);

    const visitor = await (await browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 800 } })).newPage();
    await visitor.goto(`${t.url}/banque/${session.id}`);
    const told = visitor.getByRole('region', { name: 'Ce que nous avons fait de vos idées' });
    await told.getByText('Inscrite au budget 2027').waitFor({ timeout: 20_000 });
    const public_ = (await told.textContent())!;
    expect(public_).toContain('Retenue');
    expect(public_).toContain('Une navette vers la gare');
    for (const secret of ['Zoé', 'Malik', 'shape:', session.joinCode, zoe.participantId]) expect(public_).not.toContain(secret);

    const author = await (await browser.newContext({ locale: 'fr-FR', viewport: { width: 390, height: 844 } })).newPage();
    await author.goto(`${t.url}/s/${session.id}#acces=${zoe.token}`);
    const mine = author.getByRole('region', { name: 'Ce que sont devenues vos idées' });
    await mine.getByText('Retenue').first().waitFor({ timeout: 20_000 });
    expect(await mine.textContent()).toContain('Un bus le dimanche');
  }, 120_000);

  it('is made from a cluster of notes grouped on the board, selected as its group', async () => {
    const { t, browser } = env;
    const { session } = await suiteWorkshop(t);
    const token = session.access.token;
    const page = await (await browser.newContext({ locale: 'fr-FR', viewport: { width: 1440, height: 900 } })).newPage();
    await page.goto(`${t.url}/s/${session.id}#acces=${token}`);
    const bus = page.locator('.tl-shape').filter({ hasText: 'Un bus le dimanche' });
    await bus.waitFor({ timeout: 20_000 });
    await openCockpitSection(page, 'Suites');
    await bus.click();
    await page.locator('.tl-shape').filter({ hasText: 'Une navette vers la gare' }).click({ modifiers: ['Shift'] });
    await page.keyboard.press('Control+g');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('button', { name: 'Sélectionnez des notes pour créer une suite' }).count()).toBe(1);
    // A click on one of its notes selects the group.
    await bus.click();
    await page.getByRole('button', { name: 'Créer une suite depuis les 2 notes sélectionnées' }).click({ timeout: 5000 });
    await page.getByText('Suite créée.').waitFor();
    const stored = ((await (await fetch(`${t.url}/api/sessions/${session.id}/suites`, authed(token))).json()) as { suites: Suite[] }).suites;
    expect(stored.map((s) => [s.noteIds.sort(), s.votes.total])).toEqual([[['shape:bus', 'shape:navette'], 3]]);
  }, 120_000);
});
