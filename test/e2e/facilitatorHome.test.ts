import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { asDevice, authed, createSession, joinSession, type CreatedSession } from '../helpers/api.js';
import { seriousViolations } from '../helpers/axe.js';
import { e2eEnvironment } from '../helpers/e2eEnvironment.js';
import { noteRecord } from '../helpers/records.js';
import { connectYjsClient, eventually, whenSynced } from '../helpers/yjsClient.js';

/** Screenshots of the home, the library and the bank, kept with the test results. */
const ARTEFACTS = path.resolve('test-results/home');
const VIEWPORTS = [
  { name: 'desktop', width: 1440, height: 900 },
  { name: 'phone', width: 390, height: 844 },
] as const;
const NOTE = 'Un minibus à la demande le mardi pour aller au marché';

describe("the facilitator's home, the library and the bank", () => {
  const env = e2eEnvironment();
  const sessions: Record<'preparation' | 'running' | 'finished' | 'published', CreatedSession> = {} as never;

  const patch = (s: CreatedSession, body: unknown) =>
    fetch(`${env.t.url}/api/sessions/${s.id}`, authed(s.access.token, { method: 'PATCH', body: JSON.stringify(body) }));

  beforeAll(async () => {
    await mkdir(ARTEFACTS, { recursive: true });
    sessions.preparation = await createSession(env.t.url, { title: 'Isolement des seniors', templateIds: ['afom-du-territoire'] });
    sessions.running = await createSession(env.t.url, { title: 'Se déplacer sans voiture', templateIds: ['afom-du-territoire'] });
    sessions.finished = await createSession(env.t.url, { title: 'Jardins partagés', templateIds: ['afom-du-territoire'] });
    sessions.published = await createSession(env.t.url, {
      title: 'Revitaliser le centre-bourg',
      templateIds: ['carte-des-acteurs', 'afom-du-territoire'],
    });
    await patch(sessions.running, { status: 'running', description: { territory: { name: 'Pays de Lumbres', echelon: 'intercommunalite' } } });
    const grant = await joinSession(env.t.url, sessions.running.joinCode, 'Yasmine', 'habitant');
    const writer = connectYjsClient(env.t.wsUrl, sessions.running.id, { token: grant.token });
    await whenSynced(writer);
    writer.records.set('shape:minibus', noteRecord('minibus', NOTE, { x: 120, y: 240 }));
    // The note's text reaches the search index once the board's edits settle.
    await eventually(async () => {
      const res = await fetch(`${env.t.url}/api/sessions?q=minibus`, { headers: asDevice(sessions.running) });
      expect((await res.json()).sessions).toHaveLength(1);
    }, 15_000);
    writer.destroy();
    await patch(sessions.finished, { status: 'finished' });
    await patch(sessions.published, {
      status: 'finished',
      description: { themes: ['cadre-de-vie'], phase: 'ideation', date: '2026-09-15', territory: { name: 'Fauquembergues', echelon: 'commune' } },
    });
    expect((await patch(sessions.published, { published: true })).status).toBe(200);
  });

  async function facilitatorPage(viewport: (typeof VIEWPORTS)[number]): Promise<Page> {
    const page = await (await env.browser.newContext({ locale: 'fr-FR', viewport })).newPage();
    await page.goto(env.t.url);
    await page.evaluate(
      (grants) => grants.forEach((g) => localStorage.setItem(`trame.access.${g.sessionId}`, JSON.stringify(g))),
      Object.values(sessions).map((s) => s.access),
    );
    await page.reload();
    await page.locator('.session-row').first().waitFor();
    return page;
  }

  describe.each(VIEWPORTS)('at $width×$height', (viewport) => {
    it('opens on « Mes ateliers », each workshop offering the next action its state calls for', async () => {
      const page = await facilitatorPage(viewport);
      expect(await page.locator('main h2').first().textContent()).toBe('Mes ateliers');
      const row = (title: string) => page.locator('.session-row').filter({ hasText: title });
      // Each action's visible words (the workshop's title follows for screen readers only).
      const actions = (title: string) =>
        row(title)
          .getByRole('group')
          .locator(':scope > a, :scope > button')
          .evaluateAll((els) => els.map((el) => el.firstChild?.textContent));
      expect(await actions('Isolement des seniors')).toEqual(['Ouvrir']);
      expect(await actions('Se déplacer sans voiture')).toEqual(['Reprendre', 'Terminer']);
      expect(await actions('Jardins partagés')).toEqual(['Publier']);
      expect(await actions('Revitaliser le centre-bourg')).toEqual(['Exporter le compte rendu']);
      // Groups by state, in the order a workshop lives them.
      expect(await page.locator('.session-group h3').allInnerTexts()).toEqual(['EN PRÉPARATION 1', 'EN COURS 1', 'TERMINÉS 2']);
      // « Publier » leads to the record card, where publication is chosen.
      expect(await row('Jardins partagés').getByRole('link', { name: /Publier/ }).getAttribute('href')).toBe(`/s/${sessions.finished.id}/fiche`);
      // Joining a workshop is one click away.
      expect(await page.getByRole('link', { name: 'Rejoindre un atelier' }).getAttribute('href')).toBe('/rejoindre');
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: path.join(ARTEFACTS, `home-${viewport.width}.png`), fullPage: true });
      await page.context().close();
    });

    it("finds a workshop by a word of a note, shows that note with the word marked, and keeps the search in the address", async () => {
      const page = await facilitatorPage(viewport);
      await page.getByLabel(/Rechercher/).fill('minibus');
      const passage = page.locator('.session-row .match-passage');
      await passage.waitFor();
      expect(await page.locator('.session-row').count()).toBe(1);
      expect(await passage.innerText()).toContain(NOTE);
      expect(await passage.locator('mark').allInnerTexts()).toEqual(['minibus']);
      await expect.poll(() => new URL(page.url()).search).toBe('?q=minibus');
      // The address alone gives the same search (a shared link).
      await page.reload();
      expect(await page.getByLabel(/Rechercher/).inputValue()).toBe('minibus');
      await page.locator('.session-row .match-passage').waitFor();
      await page.context().close();
    });

    it('says when nothing matches and offers to clear the filters', async () => {
      const page = await facilitatorPage(viewport);
      await page.getByLabel(/Rechercher/).fill('zeppelin');
      await page.getByText('Aucun résultat pour cette recherche.').waitFor();
      expect(await page.locator('.session-row').count()).toBe(0);
      expect(await seriousViolations(page)).toEqual([]);
      await page.getByRole('button', { name: 'Effacer les filtres' }).click();
      await expect.poll(() => page.locator('.session-row').count()).toBe(4);
      expect(await page.getByLabel(/Rechercher/).inputValue()).toBe('');
      await page.context().close();
    });

    it('keeps a mistyped join code in its field and says beside it which characters no code has', async () => {
      const page = await (await env.browser.newContext({ locale: 'fr-FR', viewport })).newPage();
      await page.goto(`${env.t.url}/rejoindre`);
      const field = page.getByLabel("Code de l'atelier");
      await field.fill('AB0CD1');
      await page.getByRole('button', { name: 'Continuer' }).click();
      const message = page.locator('#join-code-error');
      await message.waitFor();
      expect(await field.inputValue()).toBe('AB0CD1');
      expect(await message.innerText()).toMatch(/« 0 », « 1 » ne figurent dans aucun code/);
      expect(await field.getAttribute('aria-invalid')).toBe('true');
      expect(await field.getAttribute('aria-describedby')).toContain('join-code-error');
      expect(await page.locator('.code-echo mark').allInnerTexts()).toEqual(['0', '1']);
      await expectBeside(page, '#join-code', '#join-code-error');

      // A well-formed code no workshop has: the server's answer, and the code still there to correct.
      await field.fill('ABCDEF');
      await page.getByRole('button', { name: 'Continuer' }).click();
      await page.getByText('Aucun atelier ne correspond à ce code.', { exact: false }).waitFor();
      expect(await page.getByLabel("Code de l'atelier").inputValue()).toBe('ABCDEF');
      await expectBeside(page, '#join-code', '#join-code-error');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('join-code');
      expect(await seriousViolations(page)).toEqual([]);
      await page.context().close();
    });

    it('creates a four-canvas workshop from the full-width library, in the chosen order', { timeout: 60_000 }, async () => {
      const page = await facilitatorPage(viewport);
      await page.getByRole('link', { name: 'Nouvel atelier' }).first().click();
      await page.waitForURL(/\/nouvel-atelier$/);
      const cards = page.locator('.template-card');
      // The page loads on demand, then the library: more than a poll's default second on a busy host.
      await expect.poll(() => cards.count(), { timeout: 20_000 }).toBe(14);
      // The library scrolls with the page (no inner box) and fills the width left by the order column.
      const grid = await page.locator('.template-grid').evaluate((el) => ({
        overflow: getComputedStyle(el).overflowY,
        width: el.getBoundingClientRect().width,
      }));
      expect(grid.overflow).toBe('visible');
      expect(grid.width).toBeGreaterThan(viewport.width * (viewport.width > 900 ? 0.6 : 0.85));
      expect(await page.getByText(/\d+ à \d+ min/).count()).toBe(0);

      await page.getByRole('button', { name: /^Idéation/ }).click();
      await expect.poll(() => cards.count()).toBe(3);
      await page.getByRole('button', { name: /^Toutes les phases/ }).click();
      await expect.poll(() => cards.count()).toBe(14);

      await page.getByRole('button', { name: 'Aperçu de « AFOM du territoire »' }).click();
      const preview = page.getByRole('dialog', { name: 'AFOM du territoire' });
      await preview.waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await preview.getByRole('button', { name: "Ajouter à l'atelier" }).click();
      await preview.getByRole('button', { name: 'Fermer' }).click();
      await preview.waitFor({ state: 'hidden' });

      for (const title of ['Carte des acteurs du territoire', '« Comment pourrions-nous… ? »', 'Matrice impact et faisabilité']) {
        await page.getByRole('button', { name: `Ajouter à l'atelier ${title}` }).click();
      }
      // The actors' map goes first.
      await page.getByRole('button', { name: 'Monter Carte des acteurs du territoire' }).click();
      expect(await page.locator('.template-order-title').allInnerTexts()).toEqual([
        'Carte des acteurs du territoire',
        'AFOM du territoire',
        '« Comment pourrions-nous… ? »',
        'Matrice impact et faisabilité',
      ]);
      if (viewport.width > 900) await expectOrderBesideCards(page);
      await page.screenshot({ path: path.join(ARTEFACTS, `library-${viewport.width}.png`) });

      await page.getByLabel("Titre de l'atelier").fill('Diagnostic du centre-bourg');
      await page.getByRole('button', { name: "Créer l'atelier" }).click();
      await page.waitForURL(/\/s\/[A-Za-z0-9_-]+$/);
      const sessionId = page.url().split('/s/')[1]!;
      const token = await page.evaluate((id) => JSON.parse(localStorage.getItem(`trame.access.${id}`)!).token, sessionId);
      const created = await (await fetch(`${env.t.url}/api/sessions/${sessionId}`, authed(token))).json();
      expect(created.templateIds).toEqual(['carte-des-acteurs', 'afom-du-territoire', 'comment-pourrions-nous', 'matrice-impact-faisabilite']);
      await page.context().close();
    });

    it('keeps a too-long title whole and says so next to the field, in view', async () => {
      const page = await (await env.browser.newContext({ locale: 'fr-FR', viewport })).newPage();
      await page.goto(`${env.t.url}/nouvel-atelier`);
      const field = page.getByLabel("Titre de l'atelier");
      await field.fill('é'.repeat(300));
      expect((await field.inputValue()).length).toBe(300);
      // Before submitting, the counter already says it.
      expect(await page.locator('#session-title-count').innerText()).toBe('300 / 200 caractères');
      await page.getByRole('button', { name: "Créer l'atelier" }).click();
      const message = page.locator('#session-title-error');
      await message.waitFor();
      expect(await message.innerText()).toContain('dépasse de 100 caractères la limite de 200');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('session-title');
      expect(await field.getAttribute('aria-invalid')).toBe('true');
      const box = (await message.boundingBox())!;
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
      await expectBeside(page, '#session-title', '#session-title-error');
      expect(page.url()).toBe(`${env.t.url}/nouvel-atelier`);
      expect(await seriousViolations(page)).toEqual([]);
      await page.context().close();
    });

    it('shows the bank as cards, and a workshop with its board, its essentials as text and its PDF', { timeout: 60_000 }, async () => {
      const page = await (await env.browser.newContext({ locale: 'fr-FR', viewport })).newPage();
      await page.goto(`${env.t.url}/banque`);
      const card = page.locator('.bank-card').filter({ hasText: 'Revitaliser le centre-bourg' });
      await card.waitFor();
      expect(await page.locator('.bank-card').count()).toBe(1);
      await card.locator('.bank-thumb img').evaluate((img: HTMLImageElement) => img.decode());
      expect(await card.innerText()).toMatch(/IDÉATION · 15 SEPTEMBRE 2026[\s\S]*Fauquembergues · Commune[\s\S]*Cadre de vie, espaces publics/);
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: path.join(ARTEFACTS, `bank-${viewport.width}.png`), fullPage: true });

      await card.getByRole('link', { name: 'Revitaliser le centre-bourg' }).click();
      await page.getByRole('heading', { name: "L'essentiel" }).waitFor();
      expect(await page.locator('.essentials-canvas h3').allInnerTexts()).toEqual(['Carte des acteurs du territoire', 'AFOM du territoire']);
      expect(await page.getByRole('link', { name: /Télécharger le compte rendu/ }).getAttribute('href')).toBe(
        `/api/bank/${sessions.published.id}/report.pdf`,
      );
      await page.locator('.tl-canvas').waitFor({ timeout: 20_000 });
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: path.join(ARTEFACTS, `bank-entry-${viewport.width}.png`) });
      await page.context().close();
    });
  });
});

/** The message sits right under its field (not a screen away). */
async function expectBeside(page: Page, fieldSelector: string, messageSelector: string): Promise<void> {
  const field = (await page.locator(fieldSelector).boundingBox())!;
  const message = (await page.locator(messageSelector).boundingBox())!;
  expect(message.y).toBeGreaterThanOrEqual(field.y + field.height - 1);
  expect(message.y - (field.y + field.height)).toBeLessThan(80);
}

/** The order column never lies over a card, wherever the page is scrolled. */
async function expectOrderBesideCards(page: Page): Promise<void> {
  for (const scroll of [0, 800, 1600]) {
    await page.evaluate((y) => window.scrollTo(0, y), scroll);
    const overlaps = await page.evaluate(() => {
      const aside = document.querySelector('.new-workshop-summary')!.getBoundingClientRect();
      return [...document.querySelectorAll('.template-card')].filter((card) => {
        const r = card.getBoundingClientRect();
        return r.left < aside.right && r.right > aside.left && r.top < aside.bottom && r.bottom > aside.top;
      }).length;
    });
    expect(overlaps).toBe(0);
  }
}
