import { describe, expect, it } from 'vitest';
import type { Suite } from '../../shared/suites.js';
import { authed, createSession, joinSession } from '../helpers/api.js';
import { openCockpitSection } from '../helpers/cockpit.js';
import { e2eEnvironment } from '../helpers/e2eEnvironment.js';
import { noteRecord } from '../helpers/records.js';
import { connectYjsClient, eventually, whenSynced } from '../helpers/yjsClient.js';

describe('the « Suites » section of a session', () => {
  const env = e2eEnvironment();

  it('turns two selected notes into one suite, edits it and refuses « non retenue » without a reason', async () => {
    const { t, browser } = env;
    const session = await createSession(t.url, { title: 'Centre-bourg' });
    const zoe = await joinSession(t.url, session.joinCode, 'Zoé', 'elu');
    const board = connectYjsClient(t.wsUrl, session.id, { token: session.access.token });
    await whenSynced(board);
    board.records.set('shape:bus', noteRecord('bus', 'Un bus le dimanche', { x: 100, y: 100 }, { participantId: zoe.participantId, college: 'elu' }));
    board.records.set('shape:navette', noteRecord('navette', 'Une navette vers la gare', { x: 360, y: 100 }, { participantId: zoe.participantId, college: 'elu' }));
    await new Promise((r) => setTimeout(r, 300));
    board.destroy();

    const page = await (await browser.newContext({ locale: 'fr-FR', viewport: { width: 1440, height: 900 } })).newPage();
    await page.goto(`${t.url}/s/${session.id}#acces=${session.access.token}`);
    const bus = page.locator('.tl-shape').filter({ hasText: 'Un bus le dimanche' });
    await bus.waitFor({ timeout: 20_000 });
    await openCockpitSection(page, 'Suites');
    await bus.click();
    await page.locator('.tl-shape').filter({ hasText: 'Une navette vers la gare' }).click({ modifiers: ['Shift'] });
    const create = page.getByRole('button', { name: 'Créer une suite depuis les 2 notes sélectionnées' });
    await create.click({ timeout: 5000 });
    await page.getByText('Suite créée.').waitFor();

    const panel = page.locator('.suites-panel');
    await panel.locator('.suite-item summary').first().click();
    await panel.getByLabel('Titre', { exact: true }).fill('Transports du dimanche');
    await panel.getByRole('button', { name: 'Enregistrer' }).click();
    await panel.getByText('Suite enregistrée.').waitFor();
    await panel.getByLabel('Statut', { exact: true }).selectOption({ label: 'Non retenue' });
    await panel.getByRole('button', { name: 'Changer le statut' }).click();
    await panel.getByRole('alert').filter({ hasText: 'raison est obligatoire' }).waitFor();
    await panel.getByLabel('Raison (obligatoire pour « non retenue »)').fill('Hors compétence communale');
    await panel.getByRole('button', { name: 'Changer le statut' }).click();
    await panel.getByText('Statut mis à jour.').waitFor();
    await page.screenshot({ path: 'test-results/suites-panel-1440x900.png' });

    const stored = (await (await fetch(`${t.url}/api/sessions/${session.id}/suites`, authed(session.access.token))).json()) as { suites: Suite[] };
    expect(stored.suites.map((s) => [s.title, s.status, s.noteIds.length, s.history.at(-1)?.reason])).toEqual([
      ['Transports du dimanche', 'non_retenue', 2, 'Hors compétence communale'],
    ]);

    await page.setViewportSize({ width: 390, height: 844 });
    await eventually(async () => expect(await page.locator('.suites-panel').count()).toBe(1));
    await page.locator('.suites-panel').scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/suites-panel-390x844.png' });

    // Published, the bank entry tells anyone what became of the ideas; Zoé sees it from her link.
    const patch = (body: unknown) => fetch(`${t.url}/api/sessions/${session.id}`, authed(session.access.token, { method: 'PATCH', body: JSON.stringify(body) }));
    expect((await patch({ status: 'finished' })).status).toBe(200);
    expect((await patch({ published: true })).status).toBe(200);
    for (const viewport of [{ width: 1440, height: 900 }, { width: 390, height: 844 }]) {
      const visitor = await (await browser.newContext({ locale: 'fr-FR', viewport })).newPage();
      await visitor.goto(`${t.url}/banque/${session.id}`);
      const told = visitor.getByRole('region', { name: 'Ce que nous avons fait de vos idées' });
      await told.getByText('Hors compétence communale').waitFor({ timeout: 20_000 });
      expect(await told.textContent()).not.toMatch(/Zoé|shape:/);
      await visitor.screenshot({ path: `test-results/suites-bank-${viewport.width}x${viewport.height}.png` });
    }
    const author = await (await browser.newContext({ locale: 'fr-FR', viewport: { width: 1440, height: 900 } })).newPage();
    await author.goto(`${t.url}/s/${session.id}#acces=${zoe.token}`);
    await author.getByRole('region', { name: 'Ce que sont devenues vos idées' }).getByText('Non retenue').first().waitFor({ timeout: 20_000 });
    await author.screenshot({ path: 'test-results/suites-participant-1440x900.png' });
  }, 90_000);
});
