import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authed, createSession, joinSession, type CreatedSession } from '../helpers/api.js';
import { seriousViolations } from '../helpers/axe.js';
import { launchBrowser } from '../helpers/browser.js';
import { builtClientDir } from '../helpers/clientDir.js';
import { removeDataDir, startTestServer, type TestServer } from '../helpers/startTestServer.js';

describe('every page passes axe-core with no serious or critical violation', () => {
  let t: TestServer;
  let browser: Browser;
  let page: Page;
  let session: CreatedSession;
  beforeAll(async () => {
    t = await startTestServer({ clientDir: builtClientDir() });
    browser = await launchBrowser();
    page = await (await browser.newContext({ locale: 'fr-FR' })).newPage();
    session = await createSession(t.url, { title: 'Atelier accessible' });
    await joinSession(t.url, session.joinCode, 'Yasmine', 'habitant');
    await fetch(
      `${t.url}/api/sessions/${session.id}`,
      authed(session.access.token, {
        method: 'PATCH',
        body: JSON.stringify({ status: 'finished', published: true, description: { themes: ['mobilite'], summary: 'Résumé' } }),
      }),
    );
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
    if (t) await removeDataDir(t.dataDir);
  });

  const pages: [string, () => Promise<void>][] = [
    ['the home page and dashboard', async () => {
      // The dashboard lists the sessions this device facilitates: the facilitator's stored token.
      await page.goto(t!.url);
      await page.evaluate((grant) => localStorage.setItem(`trame.access.${grant.sessionId}`, JSON.stringify(grant)), session.access);
      await page.reload();
      await page.locator('.session-row').first().waitFor();
    }],
    ['the new workshop page and its library', async () => {
      await page.goto(`${t!.url}/nouvel-atelier`);
      await page.locator('.template-card').first().waitFor();
    }],
    ['the join-by-code page', async () => {
      await page.goto(`${t!.url}/rejoindre`);
      await page.getByLabel("Code de l'atelier").waitFor();
    }],
    ['the pseudonym and collège form', async () => {
      const open = await createSession(t!.url, { title: 'Atelier ouvert' });
      await page.goto(`${t!.url}/rejoindre/${open.joinCode}`);
      await page.getByLabel('Votre pseudonyme').waitFor();
    }],
    ['the board chrome with the facilitator panel open', async () => {
      await page.goto(`${t!.url}/s/${session.id}#acces=${session.access.token}`);
      await page.getByTestId('connection-status').filter({ hasText: 'Connecté' }).waitFor({ timeout: 20_000 });
      await page.getByRole('button', { name: 'Participants et accès' }).click();
      await page.getByText('Pour rejoindre').waitFor();
    }],
    ['the list view of the board', async () => {
      await page.goto(`${t!.url}/s/${session.id}#acces=${session.access.token}`);
      await page.getByRole('button', { name: 'Vue liste' }).click();
      await page.getByTestId('list-view').waitFor();
    }],
    ['the session record card', async () => {
      await page.goto(`${t!.url}/s/${session.id}/fiche`);
      await page.getByLabel('Territoire (nom)').waitFor();
    }],
    ['the projection view', async () => {
      await page.goto(`${t!.url}/s/${session.id}/projeter`);
      await page.getByText(session.joinCode).waitFor();
    }],
    ['the bank', async () => {
      await page.goto(`${t!.url}/banque`);
      await page.getByRole('link', { name: 'Atelier accessible' }).waitFor();
    }],
    ['a project page with its journey and grid', async () => {
      const project = await (await fetch(`${t!.url}/api/projects`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title: 'Démarche accessible', partners: ['CCAS'] }) })).json();
      const device = { 'content-type': 'application/json', 'x-trame-tokens': `${project.id}:${project.access.token},${session.id}:${session.access.token}` };
      await fetch(`${t!.url}/api/projects/${project.id}`, { method: 'PATCH', headers: device, body: JSON.stringify({ attachSessionIds: [session.id] }) });
      await fetch(`${t!.url}/api/projects/${project.id}/characterisation`, { method: 'POST', headers: device, body: JSON.stringify({ criteria: { gouvernance: { level: 'en_construction', evidence: 'Un comité' } } }) });
      await page.goto(t!.url);
      await page.evaluate((a) => localStorage.setItem(`trame.project.${a.projectId}`, a.token), project.access);
      await page.goto(`${t!.url}/demarches/${project.id}`);
      await page.getByRole('heading', { level: 1, name: 'Démarche accessible' }).waitFor();
      await page.getByRole('table').waitFor();
    }],
    ['a published workshop in the bank', async () => {
      await page.goto(`${t!.url}/banque/${session.id}`);
      await page.locator('.tl-canvas').waitFor({ timeout: 20_000 });
    }],
  ];

  it.each(pages)('%s', async (_name, open) => {
    await open();
    expect(await seriousViolations(page)).toEqual([]);
  });

  // WCAG 1.4.10: at 320 CSS px (a 1280 px window at 400 % zoom) text pages scroll one way only. The
  // whiteboard itself is two-dimensional content, which the criterion exempts.
  const textPages = pages.filter(([name]) => !/board chrome|projection|published workshop/.test(name));
  it.each(textPages)('%s reflows at 320 CSS px without horizontal scrolling', async (_name, open) => {
    const wide = page;
    // The same storage, so the facilitator's access kept by earlier pages still opens the record card.
    const storageState = await wide.context().storageState();
    page = await (await browser.newContext({ locale: 'fr-FR', viewport: { width: 320, height: 640 }, storageState })).newPage();
    try {
      await open();
      expect(await overflowing(page)).toEqual([]);
    } finally {
      await page.context().close();
      page = wide;
    }
  });
});

/** Elements reaching past the viewport's right edge, named for the failure message. */
function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth <= width) return [];
    return [...document.querySelectorAll<HTMLElement>('body *')]
      .filter((el) => el.getBoundingClientRect().right > width + 1 && el.offsetParent !== null)
      .slice(0, 8)
      .map((el) => `${el.tagName.toLowerCase()}.${el.className} « ${(el.textContent ?? '').trim().slice(0, 40)} »`);
  });
}
