import { describe, expect, it } from 'vitest';
import { COLLEGE_COLORS } from '../../shared/roles.js';
import { createSession } from '../helpers/api.js';
import { connectYjsClient, eventually, whenSynced } from '../helpers/yjsClient.js';
import { e2eEnvironment } from '../helpers/e2eEnvironment.js';

describe('a resident joins from a phone', () => {
  const env = e2eEnvironment();

  it('joins by code in three steps, adds a note in the collège colour, and keeps the identity on reload', async () => {
    const session = await createSession(env.t.url, { title: 'Parc des Lilas' });
    const context = await env.browser.newContext({
      locale: 'fr-FR',
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    const page = await context.newPage();

    // Step 1: the home page, type the code.
    await page.goto(env.t.url);
    await page.getByLabel("Code de l'atelier").fill(session.joinCode.toLowerCase());
    await page.getByRole('button', { name: 'Continuer' }).click();
    // Step 2: pseudonym and collège.
    await page.getByRole('heading', { name: 'Parc des Lilas' }).waitFor();
    await page.getByLabel('Votre pseudonyme').fill('Yasmine');
    await page.getByRole('radio', { name: /Habitant·e/ }).check();
    await page.getByRole('button', { name: "Entrer dans l'atelier" }).click();
    // Step 3: on the board.
    await page.getByTestId('connection-status').filter({ hasText: 'Connecté' }).waitFor({ timeout: 20_000 });
    expect(page.url()).toBe(`${env.t.url}/s/${session.id}`);
    // Phones start in the simple list view; this person chooses the whole board.
    await page.getByTestId('list-view').waitFor();
    await page.getByRole('button', { name: 'Voir le tableau complet' }).tap();

    await page.getByRole('button', { name: /Post-it|Note/i }).first().tap();
    await page.locator('.tl-canvas').tap({ position: { x: 195, y: 350 } });
    await page.locator('.tl-shape [contenteditable="true"]').waitFor();
    await page.keyboard.type('Des bancs à l’ombre');
    await page.keyboard.press('Escape');

    const reader = connectYjsClient(env.t.wsUrl, session.id, { token: session.access.token });
    await whenSynced(reader);
    await eventually(() => {
      const note = [...reader.records.values()].find((r) => r.type === 'note');
      expect(note?.meta).toMatchObject({ trame: { college: 'habitant' } });
      expect((note?.props as { color: string }).color).toBe(COLLEGE_COLORS.habitant);
    });
    const authorId = ([...reader.records.values()].find((r) => r.type === 'note')?.meta as { trame: { authorId: string } })
      .trame.authorId;
    reader.destroy();

    await page.reload();
    await page.getByTestId('connection-status').filter({ hasText: 'Connecté' }).waitFor({ timeout: 20_000 });
    const stored = await page.evaluate((id) => localStorage.getItem(`trame.access.${id}`), session.id);
    expect(JSON.parse(stored!)).toMatchObject({ participantId: authorId, pseudonym: 'Yasmine', college: 'habitant' });
    await context.close();
  });
});
