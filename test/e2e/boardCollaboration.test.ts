import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createSession, joinSession } from '../helpers/api.js';
import { foreignRequests, recordRequests } from '../helpers/browser.js';
import { e2eEnvironment } from '../helpers/e2eEnvironment.js';

async function openBoard(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByTestId('connection-status').filter({ hasText: 'Connecté' }).waitFor({ timeout: 20_000 });
}

describe('two browsers on one board', () => {
  const env = e2eEnvironment();

  // Two browsers, a server restart and two reconnections: on a busy host, past the 30 s default.
  it('shows a sticky note typed in one page in the other, keeps it across a restart, and never leaves the origin', async () => {
    const session = await createSession(env.t.url, { title: 'Atelier de bout en bout' });
    const { id } = session;
    const participant = await joinSession(env.t.url, session.joinCode, 'Camille', 'habitant');
    const contextA = await env.browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 800 } });
    const contextB = await env.browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 800 } });
    const pageA = await contextA.newPage();
    const pageB = await contextB.newPage();
    const requestsA = recordRequests(pageA);
    const requestsB = recordRequests(pageB);
    await openBoard(pageA, `${env.t.url}/s/${id}#acces=${session.access.token}`);
    await openBoard(pageB, `${env.t.url}/s/${id}#acces=${participant.token}`);

    // Real keyboard and mouse: the note tool's shortcut, a click on the canvas, typing, Escape.
    await pageA.locator('.tl-canvas').click({ position: { x: 600, y: 400 } });
    await pageA.keyboard.press('n');
    await pageA.mouse.click(600, 400);
    await pageA.locator('.tl-shape [contenteditable="true"]').waitFor();
    await pageA.keyboard.type('Un banc près de la mairie');
    await pageA.keyboard.press('Escape');

    await expect
      .poll(() => pageB.locator('.tl-shape').filter({ hasText: 'Un banc près de la mairie' }).count(), {
        timeout: 15_000,
      })
      .toBe(1);

    env.t = await env.t.restart();
    const newUrl = `${env.t.url}/s/${id}`;
    await openBoard(pageB, newUrl);
    await expect
      .poll(() => pageB.locator('.tl-shape').filter({ hasText: 'Un banc près de la mairie' }).count(), {
        timeout: 15_000,
      })
      .toBe(1);

    expect(requestsA.length).toBeGreaterThan(5);
    expect(foreignRequests([...requestsA, ...requestsB], 'http://127.0.0.1:')).toEqual([]);
    await contextA.close();
    await contextB.close();
  }, 90_000);

  it("shows each person's cursor, named, to the others", async () => {
    const session = await createSession(env.t.url, { title: 'Curseurs' });
    const participant = await joinSession(env.t.url, session.joinCode, 'Camille', 'habitant');
    const contexts = await Promise.all(
      [0, 1].map(() => env.browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 800 } })),
    );
    const [facilitatorPage, participantPage] = await Promise.all(contexts.map((c) => c.newPage()));
    await openBoard(facilitatorPage!, `${env.t.url}/s/${session.id}#acces=${session.access.token}`);
    await openBoard(participantPage!, `${env.t.url}/s/${session.id}#acces=${participant.token}`);

    const camille = facilitatorPage!.locator('.tl-nametag').filter({ hasText: 'Camille' });
    await expect
      .poll(
        async () => {
          await participantPage!.mouse.move(500 + Math.random() * 200, 300 + Math.random() * 200);
          return camille.count();
        },
        { timeout: 15_000 },
      )
      .toBe(1);
    await Promise.all(contexts.map((c) => c.close()));
  });
});
