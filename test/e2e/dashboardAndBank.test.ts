import { describe, expect, it } from 'vitest';
import { authed } from '../helpers/api.js';
import { e2eEnvironment } from '../helpers/e2eEnvironment.js';

describe('describing, finding and publishing a workshop', () => {
  const env = e2eEnvironment();

  it('lets a facilitator describe and publish a session that an anonymous visitor then finds in the bank', { timeout: 60_000 }, async () => {
    const facilitator = await (await env.browser.newContext({ locale: 'fr-FR' })).newPage();
    await facilitator.goto(env.t.url);
    await facilitator.getByRole('link', { name: 'Nouvel atelier' }).first().click();
    await facilitator.getByLabel("Titre de l'atelier").fill('Se déplacer sans voiture');
    await facilitator.getByRole('button', { name: "Créer l'atelier" }).click();
    await facilitator.waitForURL(/\/s\/[A-Za-z0-9_-]+$/);
    const sessionId = facilitator.url().split('/s/')[1]!;

    await facilitator.goto(env.t.url);
    await facilitator.getByText('Autres actions').click();
    await facilitator.getByRole('link', { name: 'Fiche' }).click();
    await facilitator.getByLabel('Territoire (nom)').fill('Pays de Lumbres');
    await facilitator.getByLabel('Échelon').selectOption('intercommunalite');
    await facilitator.getByRole('checkbox', { name: 'Mobilité' }).check();
    await facilitator.getByLabel('Résumé').fill('Diagnostic partagé des déplacements du quotidien.');
    await facilitator.getByRole('button', { name: 'Enregistrer la fiche' }).click();
    await facilitator.getByText('Fiche enregistrée.').waitFor();

    const token = await facilitator.evaluate((id) => JSON.parse(localStorage.getItem(`trame.access.${id}`)!).token, sessionId);
    await fetch(`${env.t.url}/api/sessions/${sessionId}`, authed(token, { method: 'PATCH', body: '{"status":"finished"}' }));
    await facilitator.reload();
    await facilitator.getByRole('checkbox', { name: /Publier dans la Banque/ }).check();
    await facilitator.getByRole('button', { name: 'Enregistrer la fiche' }).click();
    await facilitator.getByText('Fiche enregistrée.').waitFor();

    await facilitator.goto(env.t.url);
    await facilitator.getByLabel(/Rechercher/).fill('lumbres');
    await expect
      .poll(() => facilitator.locator('.session-row').allTextContents())
      .toEqual([expect.stringContaining('Se déplacer sans voiture')]);

    const visitor = await (await env.browser.newContext({ locale: 'fr-FR' })).newPage();
    await visitor.goto(`${env.t.url}/banque`);
    await visitor.getByText('Filtres').click();
    await visitor.getByLabel('Thématique', { exact: true }).selectOption('mobilite');
    // The filter is in the address: the same search can be shared.
    await expect.poll(() => new URL(visitor.url()).search).toBe('?theme=mobilite');
    await visitor.getByRole('link', { name: 'Se déplacer sans voiture' }).click();
    await visitor.getByRole('heading', { name: 'Se déplacer sans voiture' }).waitFor();
    await visitor.getByText('Diagnostic partagé des déplacements du quotidien.').waitFor();
    await visitor.locator('.tl-canvas').waitFor({ timeout: 20_000 });
  });
});
