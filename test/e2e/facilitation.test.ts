import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createSession, joinSession, type CreatedSession } from '../helpers/api.js';
import { connectFacilitation, send } from '../helpers/facilitationClient.js';
import { seriousViolations } from '../helpers/axe.js';
import { openCockpitSection } from '../helpers/cockpit.js';
import { launchBrowser } from '../helpers/browser.js';
import { writeNote } from '../helpers/canvas.js';
import { builtClientDir } from '../helpers/clientDir.js';
import { removeDataDir, startTestServer, type TestServer } from '../helpers/startTestServer.js';

const VIEWPORT = { width: 1280, height: 800 };

async function openBoard(browser: Browser, contexts: BrowserContext[], url: string): Promise<Page> {
  const context = await browser.newContext({ locale: 'fr-FR', viewport: VIEWPORT });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(url);
  await page.getByTestId('connection-status').filter({ hasText: 'Connecté' }).waitFor({ timeout: 20_000 });
  return page;
}

/** Where a note sits relative to the centre of the canvas: equal on two pages looking at the same place. */
async function notePosition(page: Page, text: string): Promise<{ x: number; y: number }> {
  const box = await page.locator('.tl-shape').filter({ hasText: text }).boundingBox();
  const canvas = await page.locator('.tl-canvas').boundingBox();
  if (!box || !canvas) throw new Error(`note « ${text} » not on screen`);
  return {
    x: Math.round(box.x + box.width / 2 - (canvas.x + canvas.width / 2)),
    y: Math.round(box.y + box.height / 2 - (canvas.y + canvas.height / 2)),
  };
}

// Three browsers on a board: on a busy 2-core machine a round takes 20–40 s.
describe('facilitating a workshop in three browsers', { timeout: 90_000 }, () => {
  let t: TestServer;
  let browser: Browser;
  let session: CreatedSession;
  const contexts: BrowserContext[] = [];
  const boardUrl = (token: string) => `${t.url}/s/${session.id}#acces=${token}`;

  beforeAll(async () => {
    t = await startTestServer({ clientDir: builtClientDir() });
    browser = await launchBrowser();
  });
  afterEach(async () => {
    for (const c of contexts.splice(0)) await c.close();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
    if (t) await removeDataDir(t.dataDir);
  });

  it("brings participants' cameras to the facilitator's, lets one break away and come back, then releases everyone", async () => {
    session = await createSession(t.url, { title: 'Suivez-moi' });
    const alex = await joinSession(t.url, session.joinCode, 'Alex', 'elu');
    const sam = await joinSession(t.url, session.joinCode, 'Sam', 'habitant');
    const facilitator = await openBoard(browser, contexts, boardUrl(session.access.token));
    const alexPage = await openBoard(browser, contexts, boardUrl(alex.token));
    const samPage = await openBoard(browser, contexts, boardUrl(sam.token));
    await writeNote(facilitator, 400, 400, 'Point de rendez-vous');
    await alexPage.locator('.tl-shape').filter({ hasText: 'Point de rendez-vous' }).waitFor();
    await samPage.locator('.tl-shape').filter({ hasText: 'Point de rendez-vous' }).waitFor();

    await openCockpitSection(facilitator, 'Tableau et canevas');
    await facilitator.getByRole('button', { name: 'Tout le monde me suit' }).click();
    await alexPage.getByTestId('follow-banner').filter({ hasText: 'Vous suivez' }).waitFor();
    await facilitator.mouse.move(400, 500);
    await facilitator.mouse.wheel(300, 200);
    const target = async () => notePosition(facilitator, 'Point de rendez-vous');
    await expect.poll(async () => (await notePosition(alexPage, 'Point de rendez-vous')).x, { timeout: 10_000 }).toBe((await target()).x);
    expect((await notePosition(samPage, 'Point de rendez-vous')).y).toBe((await target()).y);

    await samPage.mouse.move(400, 500);
    await samPage.mouse.wheel(0, 100);
    await samPage.getByTestId('follow-banner').filter({ hasText: 'Vous ne suivez plus' }).waitFor();
    const samAway = await notePosition(samPage, 'Point de rendez-vous');
    await facilitator.mouse.wheel(-200, 0);
    await expect.poll(async () => (await notePosition(alexPage, 'Point de rendez-vous')).x, { timeout: 10_000 }).toBe((await target()).x);
    expect(await notePosition(samPage, 'Point de rendez-vous')).toEqual(samAway);

    await samPage.getByRole('button', { name: 'Revenir' }).click();
    await expect.poll(async () => (await notePosition(samPage, 'Point de rendez-vous')).x, { timeout: 10_000 }).toBe((await target()).x);

    await facilitator.getByRole('button', { name: 'Arrêter le suivi' }).click();
    await alexPage.getByTestId('follow-banner').waitFor({ state: 'detached' });
  });

  it('runs a full dot vote and shows the ranked results with the breakdown by collège', async () => {
    session = await createSession(t.url, { title: 'Gommettes' });
    const alex = await joinSession(t.url, session.joinCode, 'Alex', 'elu');
    const sam = await joinSession(t.url, session.joinCode, 'Sam', 'habitant');
    const facilitator = await openBoard(browser, contexts, boardUrl(session.access.token));
    const alexPage = await openBoard(browser, contexts, boardUrl(alex.token));
    const samPage = await openBoard(browser, contexts, boardUrl(sam.token));
    await writeNote(alexPage, 300, 450, 'Un banc');
    await writeNote(samPage, 650, 450, 'Une navette');
    for (const page of [facilitator, alexPage, samPage]) {
      await page.locator('.tl-shape').filter({ hasText: 'Une navette' }).waitFor();
      await page.locator('.tl-shape').filter({ hasText: 'Un banc' }).waitFor();
    }

    await openCockpitSection(facilitator, 'Vote par gommettes');
    await facilitator.getByLabel('Gommettes par personne').fill('3');
    await facilitator.getByLabel('Maximum par note').fill('2');
    await facilitator.getByRole('button', { name: 'Ouvrir le vote' }).click();
    await alexPage.getByTestId('vote-remaining').filter({ hasText: 'Il vous reste 3 gommettes sur 3' }).waitFor();

    const dot = (page: Page, note: string) => page.getByRole('button', { name: `Mettre une gommette sur « ${note} »` });
    await dot(alexPage, 'Un banc').click();
    await alexPage.getByTestId('vote-remaining').filter({ hasText: 'Il vous reste 2' }).waitFor();
    await dot(alexPage, 'Un banc').click();
    await alexPage.getByTestId('vote-remaining').filter({ hasText: 'Il vous reste 1' }).waitFor();
    await expect.poll(() => dot(alexPage, 'Un banc').isDisabled()).toBe(true);
    await dot(alexPage, 'Une navette').click();
    await alexPage.getByTestId('vote-remaining').filter({ hasText: 'Il vous reste 0' }).waitFor();
    await expect.poll(() => dot(alexPage, 'Une navette').isDisabled()).toBe(true);

    // A tap on the note itself counts as a dot too.
    await samPage.locator('.tl-shape').filter({ hasText: 'Une navette' }).click();
    await samPage.getByTestId('vote-remaining').filter({ hasText: 'Il vous reste 2' }).waitFor();
    await dot(samPage, 'Une navette').click();
    await samPage.getByTestId('vote-remaining').filter({ hasText: 'Il vous reste 1' }).waitFor();
    await facilitator.getByText('2 personnes ont voté').waitFor();

    await facilitator.getByRole('button', { name: 'Clore le vote' }).first().click();
    for (const page of [facilitator, samPage]) {
      const rows = page.getByTestId('vote-results').first().locator('li');
      await expect.poll(() => rows.count()).toBe(2);
      expect(await rows.nth(0).innerText()).toMatch(/Une navette\s+3 gommettes[\s\S]*Élu·es : 1[\s\S]*Habitant·es : 2/);
      expect(await rows.nth(1).innerText()).toMatch(/Un banc\s+2 gommettes[\s\S]*Élu·es : 2/);
    }
    await alexPage.getByTestId('vote-badge').getByText('3 gommettes au total sur « Une navette »').waitFor({ state: 'attached' });
    await alexPage.getByTestId('vote-badge').getByText('2 gommettes au total sur « Un banc »').waitFor({ state: 'attached' });
  });

  it("shows a note written in private to its author and the facilitator only, then to everyone at « Révéler »", async () => {
    session = await createSession(t.url, { title: 'Chacun pour soi' });
    const alex = await joinSession(t.url, session.joinCode, 'Alex', 'elu');
    const sam = await joinSession(t.url, session.joinCode, 'Sam', 'habitant');
    const facilitator = await openBoard(browser, contexts, boardUrl(session.access.token));
    const alexPage = await openBoard(browser, contexts, boardUrl(alex.token));
    const samPage = await openBoard(browser, contexts, boardUrl(sam.token));

    await openCockpitSection(facilitator, 'Écriture individuelle');
    await facilitator.locator('.cockpit-section__body').getByRole('button', { name: 'Écriture individuelle', exact: true }).click();
    await alexPage.getByTestId('step-banner').getByText('Écriture individuelle : vos nouvelles notes').waitFor();
    await writeNote(alexPage, 400, 450, 'Une idée à moi');
    await facilitator.locator('.tl-shape').filter({ hasText: 'Une idée à moi' }).waitFor();
    await facilitator.getByRole('button', { name: 'Révéler (1 note)' }).first().waitFor();
    // Reopened during the private writing, the author's board gets the note back from the server, which sends it
    // as the page joins the session: the page must be listening by then.
    await alexPage.reload();
    await alexPage.locator('.tl-shape').filter({ hasText: 'Une idée à moi' }).waitFor({ timeout: 20_000 });
    await samPage.waitForTimeout(1_000);
    expect(await samPage.locator('.tl-shape').filter({ hasText: 'Une idée à moi' }).count()).toBe(0);

    await facilitator.getByRole('button', { name: 'Révéler (1 note)' }).first().click();
    await samPage.locator('.tl-shape').filter({ hasText: 'Une idée à moi' }).waitFor();
    await alexPage.waitForTimeout(500);
    expect(await alexPage.locator('.tl-shape').filter({ hasText: 'Une idée à moi' }).count()).toBe(1);
    await alexPage.reload();
    await alexPage.locator('.tl-shape').filter({ hasText: 'Une idée à moi' }).waitFor({ timeout: 20_000 });
  });

  it('passes axe-core during a timed step with an open vote, for the facilitator and for a participant', async () => {
    session = await createSession(t.url, { title: 'Accessible' });
    const alex = await joinSession(t.url, session.joinCode, 'Alex', 'elu');
    const alexPage = await openBoard(browser, contexts, boardUrl(alex.token));
    await writeNote(alexPage, 400, 450, 'Un jardin partagé');
    const control = await connectFacilitation(t.url, session.id, session.access.token);
    await send(control.socket, 'steps:set', { steps: [{ title: 'Vote', instruction: 'Trois gommettes.', minutes: 5, voting: true }] });
    await send(control.socket, 'steps:go', { index: 0, startTimer: true });
    control.close();
    const facilitator = await openBoard(browser, contexts, boardUrl(session.access.token));
    for (const page of [facilitator, alexPage]) {
      await page.getByTestId('facilitation-timer').waitFor();
      await page.getByTestId('vote-badge').waitFor();
      expect(await seriousViolations(page)).toEqual([]);
    }
  });

  it('freezes the board for participants during « Pause » and unfreezes it at « Reprendre »', async () => {
    session = await createSession(t.url, { title: 'Pause' });
    const alex = await joinSession(t.url, session.joinCode, 'Alex', 'elu');
    const facilitator = await openBoard(browser, contexts, boardUrl(session.access.token));
    const alexPage = await openBoard(browser, contexts, boardUrl(alex.token));

    await openCockpitSection(facilitator, 'Tableau et canevas');
    await facilitator.getByRole('button', { name: 'Mettre le tableau en pause' }).click();
    await alexPage.getByTestId('step-banner').getByText('Tableau en pause').waitFor();
    await alexPage.locator('.tl-canvas').click({ position: { x: 400, y: 450 } });
    await alexPage.keyboard.press('n');
    await alexPage.mouse.click(400, 450);
    await alexPage.keyboard.type('Pendant la pause');
    await alexPage.keyboard.press('Escape');
    await alexPage.waitForTimeout(500);
    expect(await alexPage.locator('.tl-shape').count()).toBe(0);

    await facilitator.getByRole('button', { name: 'Reprendre' }).click();
    await alexPage.getByTestId('step-banner').getByText('Tableau en pause').waitFor({ state: 'detached' });
    await writeNote(alexPage, 400, 450, 'Après la pause');
    await facilitator.locator('.tl-shape').filter({ hasText: 'Après la pause' }).waitFor();
  });
});

