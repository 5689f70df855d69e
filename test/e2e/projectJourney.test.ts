import { execFile } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { trameMeta, type BoardRecord } from '../../shared/boardLayout.js';
import { joinSession } from '../helpers/api.js';
import { seriousViolations } from '../helpers/axe.js';
import { e2eEnvironment } from '../helpers/e2eEnvironment.js';
import { connectFacilitation, send } from '../helpers/facilitationClient.js';
import { readPdf } from '../helpers/pdf.js';
import { noteRecord } from '../helpers/records.js';
import { connectYjsClient, eventually, whenSynced } from '../helpers/yjsClient.js';

const run = promisify(execFile);
const SHOTS = '/tmp/parcours-shots';
const flat = (text: string) => text.replace(/\s+/g, ' ');
type Zone = BoardRecord & { x: number; y: number; props: { w: number; h: number } };

/** The « enjeux » the AFOM ends with, and the dots they get: the three first are carried over. */
const ENJEUX: [string, string, number][] = [
  ['shape:e-isolement', 'Rompre l’isolement des aînés', 3],
  ['shape:e-mobilite', 'Se déplacer sans voiture', 2],
  ['shape:e-sante', 'Un médecin à moins de 20 minutes', 1],
  ['shape:e-commerce', 'Garder la boulangerie', 0],
];

async function grantOf(page: Page, sessionId: string): Promise<{ token: string }> {
  return JSON.parse((await page.evaluate((id) => localStorage.getItem(`trame.access.${id}`), sessionId))!) as { token: string };
}

const sessionIdIn = (url: string) => /\/s\/([A-Za-z0-9_-]+)/.exec(url)![1]!;
const projectIdIn = (url: string) => /\/demarches\/([A-Za-z0-9_-]+)/.exec(url)![1]!;

describe('a territorial journey across workshops', () => {
  const env = e2eEnvironment();

  it('runs an AFOM, starts the next workshop from its top enjeux, fills the grid and prints the project report', async () => {
    const { t, browser } = env;
    await mkdir(SHOTS, { recursive: true });
    const page = await (await browser.newContext({ locale: 'fr-FR', viewport: { width: 1440, height: 900 }, acceptDownloads: true })).newPage();

    // A project from the dashboard.
    await page.goto(t.url);
    await page.getByRole('button', { name: 'Nouvelle démarche' }).click();
    const creation = page.getByRole('form', { name: 'Nouvelle démarche' });
    await creation.getByLabel('Titre de la démarche').fill('Bien vieillir à Étouvie');
    await creation.getByLabel('Territoire', { exact: true }).fill('Amiens Étouvie');
    await creation.getByLabel('Partenaires (un par ligne)').fill('CCAS\nCentre social');
    await creation.getByRole('button', { name: 'Créer la démarche' }).click();
    await page.getByRole('heading', { level: 1, name: 'Bien vieillir à Étouvie' }).waitFor();
    const projectUrl = page.url();

    // The diagnostic workshop, made from the project page.
    const next = page.getByRole('form', { name: "Préparer l'atelier suivant" });
    await next.getByLabel("Titre de l'atelier").fill('Diagnostic AFOM');
    await next.getByLabel('Phase du parcours').selectOption({ label: 'Diagnostic' });
    await next.getByLabel('Canevas').selectOption({ label: 'AFOM du territoire' });
    await next.getByRole('button', { name: "Créer l'atelier" }).click();
    await page.waitForURL(/\/s\//);
    const afomId = sessionIdIn(page.url());
    const afom = await grantOf(page, afomId);

    // Participants write their enjeux; a vote ranks them.
    const joinCode = (await (await fetch(`${t.url}/api/sessions/${afomId}`, { headers: { authorization: `Bearer ${afom.token}` } })).json()).joinCode as string;
    const people = [await joinSession(t.url, joinCode, 'Zoé', 'elu'), await joinSession(t.url, joinCode, 'Malik', 'habitant')];
    const board = connectYjsClient(t.wsUrl, afomId, { token: afom.token });
    await whenSynced(board);
    const enjeux = [...board.records.values()].find((r): r is Zone => trameMeta(r)?.zoneId === 'enjeux')!;
    ENJEUX.forEach(([id, text], i) => {
      const author = people[i % 2]!;
      const at = { x: enjeux.x + 40 + i * 230, y: enjeux.y + enjeux.props.h - 240 };
      board.records.set(id, noteRecord(id.slice('shape:'.length), text, at, { participantId: author.participantId, college: i % 2 ? 'habitant' : 'elu' }));
    });
    await eventually(async () => expect(await t.server.boards.read(afomId, (r) => r.has('shape:e-commerce'))).toBe(true));
    board.destroy();
    const facilitator = await connectFacilitation(t.url, afomId, afom.token);
    expect((await send(facilitator.socket, 'vote:open', { canvasId: null, budget: 6, maxPerNote: 3, showTotals: true })).ok).toBe(true);
    const voter = await connectFacilitation(t.url, afomId, people[1]!.token);
    for (const [id, , dots] of ENJEUX) for (let n = 0; n < dots; n++) expect((await send(voter.socket, 'vote:cast', { shapeId: id })).ok).toBe(true);
    expect((await send(facilitator.socket, 'vote:close', {})).ok).toBe(true);
    for (const c of [facilitator, voter]) c.close();

    // The next workshop starts from the three top enjeux, in the « Constats » zone.
    await page.goto(projectUrl);
    await page.getByRole('heading', { level: 4, name: 'Diagnostic AFOM' }).waitFor();
    await page.getByText('Rompre l’isolement des aînés (3 gommettes)').waitFor();
    const form = page.getByRole('form', { name: "Préparer l'atelier suivant" });
    await form.getByLabel("Titre de l'atelier").fill('Idéation : vieillir chez soi');
    await form.getByLabel('Phase du parcours').selectOption({ label: 'Idéation' });
    await form.getByLabel('Canevas').selectOption({ label: '« Comment pourrions-nous… ? »' });
    for (const [, text] of ENJEUX.slice(0, 3)) await form.getByLabel(text).check();
    await form.getByLabel('Zone où déposer les idées reprises').selectOption({ label: 'Constats et enseignements' });
    await form.getByRole('button', { name: "Créer l'atelier" }).click();
    await page.waitForURL(/\/s\//);
    const ideationId = sessionIdIn(page.url());
    expect(ideationId).not.toBe(afomId);

    // On the new board, the carried notes with their origin.
    for (const [, text] of ENJEUX.slice(0, 3)) await page.locator('.tl-shape').filter({ hasText: text }).waitFor({ timeout: 40_000 });
    await expect.poll(() => page.getByTestId('carried-badge').count(), { timeout: 10_000 }).toBe(3);
    await expect.poll(() => page.getByTestId('carried-badge').first().getAttribute('aria-label')).toBe('Reprise de « Diagnostic AFOM »');
    expect(await page.getByTestId('carried-badge').first().getAttribute('href')).toBe(`/s/${afomId}`);
    expect(await page.locator('.tl-shape').filter({ hasText: 'Garder la boulangerie' }).count()).toBe(0);
    await page.screenshot({ path: `${SHOTS}/carried-board-1440x900.png` });

    // On a phone, the list view names the same origin under each carried note.
    const ideation = await grantOf(page, ideationId);
    const ideationCode = (await (await fetch(`${t.url}/api/sessions/${ideationId}`, { headers: { authorization: `Bearer ${ideation.token}` } })).json())
      .joinCode as string;
    const inès = await joinSession(t.url, ideationCode, 'Inès', 'habitant');
    const phone = await (
      await browser.newContext({ locale: 'fr-FR', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })
    ).newPage();
    await phone.goto(`${t.url}/s/${ideationId}#acces=${inès.token}`);
    await phone.getByTestId('list-view').waitFor({ timeout: 20_000 });
    const origins = phone.getByTestId('carried-origin');
    await expect.poll(() => origins.count(), { timeout: 10_000 }).toBe(3);
    expect(await origins.first().textContent()).toContain('Reprise de « Diagnostic AFOM »');
    expect(await origins.first().getAttribute('href')).toBe(`/s/${afomId}`);
    const carriedItem = phone.locator('.list-note').filter({ hasText: ENJEUX[0]![1] });
    expect(await carriedItem.getByTestId('carried-origin').count()).toBe(1);
    await phone.screenshot({ path: `${SHOTS}/carried-phone-list-390x844.png`, fullPage: true });
    expect(await seriousViolations(phone)).toEqual([]);
    await phone.context().close();

    // The grid, filled for two criteria.
    await page.goto(projectUrl);
    await page.getByText('Idéation : vieillir chez soi').first().waitFor();
    const grid = page.getByRole('form', { name: 'Remplir la grille' });
    const finalite = grid.getByRole('radiogroup', { name: 'Finalité sociale' });
    await finalite.getByLabel('Affirmé').check();
    await grid.getByLabel('Preuve ou exemple pour « Finalité sociale »').fill('Isolement mesuré par le CCAS');
    await grid.getByRole('radiogroup', { name: 'Gouvernance élargie et participative' }).getByLabel('En construction').check();
    // Evidence: a note of the diagnostic, and a web page.
    const noteChoice = grid.getByLabel('Lier une note ou une suite à « Finalité sociale »');
    await expect.poll(() => noteChoice.locator('option', { hasText: ENJEUX[0]![1] }).count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await noteChoice.selectOption({ label: `Note : ${ENJEUX[0]![1]}` });
    await grid.getByRole('button', { name: 'Lier', exact: true }).first().click();
    await grid.getByLabel('Adresse d\'une page web pour « Finalité sociale »').fill('https://ccas.example.fr/isolement');
    await grid.getByRole('button', { name: 'Lier la page' }).first().click();
    const linked = grid.getByRole('list', { name: 'Liens de preuve pour « Finalité sociale »' });
    await linked.getByRole('link', { name: /Rompre l’isolement des aînés/ }).waitFor();
    await linked.getByRole('button', { name: 'Retirer le lien « ccas.example.fr/isolement »' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    for (const [w, h] of [[1440, 900], [1280, 800], [390, 844]] as const) {
      await page.setViewportSize({ width: w, height: h });
      await grid.getByRole('group', { name: /Finalité sociale/ }).screenshot({ path: `${SHOTS}/grid-evidence-${w}x${h}.png` });
    }
    await page.setViewportSize({ width: 1440, height: 900 });
    await grid.getByRole('button', { name: "Enregistrer l'évaluation" }).click();
    await page.getByRole('table').getByRole('row', { name: /Finalité sociale/ }).getByText('Affirmé').waitFor();
    await page.getByRole('img', { name: /Première et dernière évaluation/ }).waitFor();
    const evidenceRow = page.getByRole('table').getByRole('row', { name: /Finalité sociale/ });
    expect(await evidenceRow.getByRole('link', { name: 'Rompre l’isolement des aînés' }).getAttribute('href')).toBe(`/s/${afomId}`);
    expect(await evidenceRow.getByRole('link', { name: 'ccas.example.fr/isolement' }).getAttribute('href')).toBe('https://ccas.example.fr/isolement');
    const stored = (await t.server.projects.require(projectIdIn(projectUrl))).assessments.at(-1)!.criteria['finalite-sociale'];
    expect(stored.links).toEqual([
      { kind: 'note', sessionId: afomId, targetId: ENJEUX[0]![0], label: ENJEUX[0]![1] },
      { kind: 'url', url: 'https://ccas.example.fr/isolement', label: 'ccas.example.fr/isolement' },
    ]);

    for (const [w, h] of [[1440, 900], [1280, 800], [390, 844]] as const) {
      await page.setViewportSize({ width: w, height: h });
      await page.screenshot({ path: `${SHOTS}/project-page-${w}x${h}.png`, fullPage: true });
    }
    await page.setViewportSize({ width: 1440, height: 900 });

    // The project report.
    const download = page.waitForEvent('download', { timeout: 60_000 });
    await page.getByRole('button', { name: 'Rapport de la démarche (PDF)' }).click();
    const file = await (await download).path();
    const pdf = await readFile(file);
    await writeFile(`${SHOTS}/project-report.pdf`, pdf);
    const text = flat((await readPdf(pdf)).text);
    expect(text).toContain('Le parcours');
    expect(text).toContain('Diagnostic AFOM');
    expect(text).toContain('Idéation : vieillir chez soi');
    for (const [, idea] of ENJEUX.slice(0, 3)) expect(text).toContain(idea);
    expect(text).toContain('reprise de « Diagnostic AFOM »');
    expect(text).toMatch(/Finalité sociale.*Affirmé/);
    expect(text).toMatch(/Gouvernance élargie et participative.*En construction/);
    await run('pdftoppm', ['-r', '60', '-png', `${SHOTS}/project-report.pdf`, `${SHOTS}/project-report-page`]);

    // A workshop taken out of the project leaves its journey; it stays on the device, and can come back.
    const managed = page.getByRole('region', { name: 'Ateliers de la démarche' });
    await managed.getByRole('button', { name: 'Retirer « Idéation : vieillir chez soi » de la démarche' }).click();
    await managed.getByRole('status').filter({ hasText: 'ne fait plus partie de la démarche' }).waitFor();
    await expect.poll(async () => (await t.server.sessions.require(ideationId)).projectId).toBeNull();
    await expect.poll(() => page.getByRole('heading', { level: 4, name: 'Idéation : vieillir chez soi' }).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await managed.getByLabel('Atelier animé depuis cet appareil').selectOption({ label: 'Idéation : vieillir chez soi' });
    await managed.getByRole('button', { name: 'Rattacher' }).click();
    await page.getByRole('heading', { level: 4, name: 'Idéation : vieillir chez soi' }).waitFor();
    expect((await t.server.sessions.require(ideationId)).projectId).toBe(projectIdIn(projectUrl));
  }, 180_000);
});
