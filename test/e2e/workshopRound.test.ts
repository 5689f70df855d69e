import path from 'node:path';
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createSession, joinSession } from '../helpers/api.js';
import { writeNote } from '../helpers/canvas.js';
import { e2eEnvironment } from '../helpers/e2eEnvironment.js';

const SCREENSHOTS = path.resolve('test-results/cockpit');
mkdirSync(SCREENSHOTS, { recursive: true });

describe('a whole workshop with a facilitator and two participants', () => {
  const env = e2eEnvironment();

  it('starts, times a step, votes, shows the ranking by collège in the room and on the phone, and ends for everyone', { timeout: 150_000 }, async () => {
    const session = await createSession(env.t.url, { title: 'Centre-bourg', templateIds: ['afom-du-territoire'] });
    const alex = await joinSession(env.t.url, session.joinCode, 'Alex', 'elu');
    const yasmine = await joinSession(env.t.url, session.joinCode, 'Yasmine', 'habitant');
    const open = async (token: string, viewport: { width: number; height: number }, phone = false) => {
      const context = await env.browser.newContext({ locale: 'fr-FR', viewport, isMobile: phone, hasTouch: phone });
      const page = await context.newPage();
      await page.goto(`${env.t.url}/s/${session.id}#acces=${token}`);
      await page.getByTestId('connection-status').filter({ hasText: 'Connecté' }).waitFor({ timeout: 20_000 });
      return page;
    };
    const facilitator = await open(session.access.token, { width: 1440, height: 900 });
    const alexPage = await open(alex.token, { width: 1280, height: 800 });
    const phone = await open(yasmine.token, { width: 390, height: 844 }, true);
    const status = async () => ((await (await fetch(`${env.t.url}/api/sessions/${session.id}`)).json()) as { status: string }).status;
    expect(await status()).toBe('preparation');

    // Start: the first step with its timer, for everyone.
    await facilitator.getByRole('button', { name: "Démarrer l'atelier" }).click();
    for (const page of [alexPage, phone]) {
      await page.getByTestId('step-banner').getByText('Interne ou externe ?').waitFor();
      await page.getByTestId('facilitation-timer').waitFor();
    }
    await facilitator.locator('.status-chip').filter({ hasText: 'En cours' }).waitFor();
    expect(await status()).toBe('running');

    // The first step pauses the board; the next one is written alone, in private, until revealed.
    await alexPage.getByTestId('step-banner').getByText('Tableau en pause').waitFor();
    await facilitator.getByText('Étape suivante', { exact: true }).click();
    await alexPage.getByTestId('step-banner').getByText('Tour silencieux').waitFor();
    const canvas = (await alexPage.locator('.tl-canvas').boundingBox())!;
    await writeNote(alexPage, canvas.width / 2, canvas.height / 2, 'Un banc');
    await alexPage.getByTestId('private-mark').filter({ hasText: 'privée' }).waitFor();
    await phone.getByLabel('Votre idée').fill('Des bancs à l’ombre');
    await phone.getByLabel('Dans quelle zone ?').selectOption({ label: 'Faiblesses' });
    await phone.getByRole('button', { name: "Ajouter l'idée" }).tap();
    await facilitator.locator('.tl-shape').filter({ hasText: 'Des bancs à l’ombre' }).waitFor();
    await facilitator.locator('.tl-shape').filter({ hasText: 'Un banc' }).first().waitFor();
    await facilitator.screenshot({ path: path.join(SCREENSHOTS, 'round-cockpit-private-1440.png') });
    await alexPage.screenshot({ path: path.join(SCREENSHOTS, 'round-participant-private-1280.png') });
    await facilitator.getByRole('button', { name: 'Révéler (2 notes)' }).first().click();
    await alexPage.locator('.tl-shape').filter({ hasText: 'Des bancs à l’ombre' }).waitFor();
    await alexPage.getByTestId('private-mark').waitFor({ state: 'detached' });

    // The step with a vote, chosen in the déroulé; the room view is cast from the panel.
    await facilitator.getByRole('button', { name: /^Formuler les enjeux/ }).click();
    await facilitator.getByRole('button', { name: 'Clore le vote' }).first().waitFor();
    const [room] = await Promise.all([facilitator.waitForEvent('popup'), facilitator.getByRole('link', { name: /Vue salle/ }).click()]);
    await room.setViewportSize({ width: 1440, height: 900 });
    await room.getByRole('heading', { name: 'Formuler les enjeux' }).waitFor();
    await room.getByTestId('facilitation-timer').waitFor();

    const dot = (page: Page, note: string) => page.getByRole('button', { name: `Mettre une gommette sur « ${note} »` });
    await dot(alexPage, 'Un banc').click();
    await alexPage.getByTestId('vote-remaining').filter({ hasText: /Il vous reste 4/ }).waitFor();
    await dot(alexPage, 'Des bancs à l’ombre').click();
    await alexPage.getByTestId('vote-remaining').filter({ hasText: /Il vous reste 3/ }).waitFor();
    await phone.getByRole('button', { name: '+1 gommette pour « Un banc »' }).tap();
    await phone.getByText('il vous reste 4 gommettes').waitFor();
    await phone.getByRole('button', { name: '+1 gommette pour « Des bancs à l’ombre »' }).tap();
    await phone.getByText('il vous reste 3 gommettes').waitFor();
    await room.getByText('2 personnes ont voté').waitFor();
    await facilitator.screenshot({ path: path.join(SCREENSHOTS, 'round-cockpit-vote-open-1440.png') });

    // Close: the same ranking, ties sharing their rank, in the room and on the phone.
    await facilitator.getByRole('button', { name: 'Clore le vote' }).first().click();
    const rows = room.getByTestId('room-results').locator('li');
    await expect.poll(() => rows.count()).toBe(2);
    for (const i of [0, 1]) {
      expect(await rows.nth(i).getAttribute('value')).toBe('1');
      expect(await rows.nth(i).locator('[data-college]').evaluateAll((els) => els.map((e) => e.getAttribute('data-college')))).toEqual(['elu', 'habitant']);
    }
    expect(await rows.allInnerTexts()).toEqual([expect.stringMatching(/Des bancs à l’ombre[\s\S]*2 gommettes/), expect.stringMatching(/Un banc[\s\S]*2 gommettes/)]);
    await room.screenshot({ path: path.join(SCREENSHOTS, 'round-room-results-1440.png') });
    const phoneRanking = phone.getByTestId('list-view').getByTestId('vote-results').locator('li');
    await expect.poll(() => phoneRanking.count()).toBe(2);
    expect(await phoneRanking.evaluateAll((els) => els.map((e) => [e.getAttribute('value'), e.textContent?.split(' ')[0]]))).toEqual([
      ['1', 'Des'],
      ['1', 'Un'],
    ]);
    await phone.getByTestId('list-view').getByRole('heading', { name: 'Résultats du vote' }).scrollIntoViewIfNeeded();
    await phone.screenshot({ path: path.join(SCREENSHOTS, 'round-phone-ranking-390.png') });

    // End: the timer stops and everyone is told.
    facilitator.once('dialog', (dialog) => void dialog.accept());
    await facilitator.getByRole('button', { name: "Terminer l'atelier" }).last().click();
    for (const page of [alexPage, phone]) await page.getByText("L'atelier est terminé — merci !").first().waitFor();
    await room.getByRole('heading', { name: "L'atelier est terminé — merci !" }).waitFor();
    for (const page of [facilitator, alexPage, phone, room]) await page.getByTestId('facilitation-timer').waitFor({ state: 'detached' });
    expect(await status()).toBe('finished');
    await facilitator.getByRole('link', { name: "Ouvrir la fiche de l'atelier" }).first().waitFor();
    await alexPage.screenshot({ path: path.join(SCREENSHOTS, 'round-participant-ended-1280.png') });
  });
});
