import { describe, expect, it } from 'vitest';
import { trameMeta } from '../../shared/boardLayout.js';
import { DEVICE_TOKENS_HEADER, encodeDeviceTokens } from '../../shared/deviceTokens.js';
import { apiPaths } from '../../shared/paths.js';
import type { ProjectAccess, ProjectView } from '../../shared/projects.js';
import { authed, joinSession, type CreatedSession } from '../helpers/api.js';
import { seriousViolations } from '../helpers/axe.js';
import { e2eEnvironment } from '../helpers/e2eEnvironment.js';
import { readPdf } from '../helpers/pdf.js';
import { noteRecord } from '../helpers/records.js';
import type { TestServer } from '../helpers/startTestServer.js';
import { connectYjsClient, eventually, whenSynced } from '../helpers/yjsClient.js';

const flat = (text: string) => text.replace(/\s+/g, ' ');

async function post<T>(t: TestServer, path: string, body: unknown, headers: Record<string, string> = {}): Promise<T> {
  const res = await fetch(`${t.url}/api${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  expect(res.status, path).toBeLessThan(300);
  return (await res.json()) as T;
}

async function newProject(t: TestServer, title: string) {
  const project = await post<ProjectView & { access: ProjectAccess }>(t, '/projects', { title });
  return { project, device: { [DEVICE_TOKENS_HEADER]: encodeDeviceTokens([{ sessionId: project.id, token: project.access.token }]) } };
}

/** Notes written by a participant at given places of a workshop's board, stored before this returns. */
async function writeNotes(t: TestServer, session: CreatedSession, place: (zoneOf: (zoneId: string) => { x: number; y: number; h: number }) => [string, string, { x: number; y: number }][]) {
  const author = await joinSession(t.url, session.joinCode, 'Zoé Lambert', 'elu');
  const board = connectYjsClient(t.wsUrl, session.id, { token: session.access.token });
  await whenSynced(board);
  const zoneOf = (zoneId: string) => {
    const zone = [...board.records.values()].find((r) => trameMeta(r)?.zoneId === zoneId)!;
    return { x: Number(zone.x), y: Number(zone.y), h: Number((zone.props as { h: number }).h) };
  };
  const notes = place(zoneOf);
  for (const [id, text, at] of notes) board.records.set(`shape:${id}`, noteRecord(id, text, at, { participantId: author.participantId, college: 'elu' }));
  await eventually(async () => expect(await t.server.boards.read(session.id, (r) => notes.every(([id]) => r.has(`shape:${id}`)))).toBe(true));
  board.destroy();
}

describe('what a project’s workshops give', () => {
  const env = e2eEnvironment();

  it('prints, in the report of the workshop ideas were carried into, where they came from', async () => {
    const { t } = env;
    const { project, device } = await newProject(t, 'Bien vieillir à Étouvie');
    const afom = await post<CreatedSession>(t, `/projects/${project.id}/sessions`, { title: 'Diagnostic AFOM', templateIds: ['afom-du-territoire'] }, device);
    await writeNotes(t, afom, (zoneOf) => {
      const z = zoneOf('enjeux');
      return [['isolement', 'Rompre l’isolement des aînés', { x: z.x + 40, y: z.y + 200 }]];
    });
    const ideation = await post<CreatedSession>(t, `/projects/${project.id}/sessions`, {
      title: 'Idéation : vieillir chez soi',
      templateIds: ['comment-pourrions-nous'],
      carryOver: { items: [{ sessionId: afom.id, kind: 'note', id: 'shape:isolement' }], target: { templateId: 'comment-pourrions-nous', zoneId: 'constats' } },
    }, device);
    const res = await fetch(`${t.url}${apiPaths.sessionReportPdf(ideation.id)}`, authed(ideation.access.token));
    expect(res.status).toBe(200);
    const text = flat((await readPdf(Buffer.from(await res.arrayBuffer()))).text);
    expect(text).toContain('Rompre l’isolement des aînés');
    expect(text).toContain('reprise de « Diagnostic AFOM »');
    expect(text).toContain('L\'atelier est parti de 1 idée(s) reprise(s) de « Diagnostic AFOM ».');
  }, 120_000);

  it('fills the grid from a workshop’s grille canvas: levels and evidence proposed, confirmed by the facilitator', async () => {
    const { t, browser } = env;
    const { project, device } = await newProject(t, 'Jardin partagé');
    const grille = await post<CreatedSession>(t, `/projects/${project.id}/sessions`, { title: 'Bilan collectif', templateIds: ['grille-innovation-sociale'] }, device);
    await writeNotes(t, grille, (zoneOf) => {
      const at = (zoneId: string, i: number) => ({ x: zoneOf(zoneId).x + 10 + i * 5, y: zoneOf(zoneId).y + zoneOf(zoneId).h - 120 });
      return [
        ['a', 'Besoin exprimé par 200 familles', at('finalite-sociale-affirme', 0)],
        ['b', 'Diagnostic du CCAS', at('finalite-sociale-affirme', 1)],
        ['c', 'Pas encore de comité d’usagers', at('gouvernance-a-construire', 0)],
      ];
    });

    const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 800 } });
    await context.addInitScript(([id, token]) => localStorage.setItem(`trame.project.${id}`, token!), [project.id, project.access.token]);
    const page = await context.newPage();
    await page.goto(`${t.url}/demarches/${project.id}`);
    const grid = page.getByRole('form', { name: 'Remplir la grille' });
    await grid.getByLabel('Reprendre la grille remplie en atelier (canevas de caractérisation)').selectOption({ label: 'Bilan collectif' });
    await grid.getByRole('button', { name: 'Proposer les niveaux' }).click();
    await grid.getByRole('status').filter({ hasText: '2 critères proposés depuis l\'atelier' }).waitFor();
    expect(await grid.getByRole('radiogroup', { name: 'Finalité sociale' }).getByLabel('Affirmé').isChecked()).toBe(true);
    expect(await grid.getByRole('radiogroup', { name: 'Gouvernance élargie et participative' }).getByLabel('À construire').isChecked()).toBe(true);
    expect(await grid.getByLabel('Preuve ou exemple pour « Finalité sociale »').inputValue()).toContain('Diagnostic du CCAS');
    await grid.getByRole('list', { name: 'Liens de preuve pour « Finalité sociale »' }).getByRole('link', { name: /Diagnostic du CCAS/ }).waitFor();
    // Nothing is recorded until the facilitator confirms.
    expect((await t.server.projects.require(project.id)).assessments).toHaveLength(0);
    expect(await seriousViolations(page)).toEqual([]);
    await grid.getByRole('button', { name: "Enregistrer l'évaluation" }).click();
    await page.getByRole('table').getByRole('row', { name: /Finalité sociale/ }).getByText('Affirmé').waitFor();
    const [assessment] = (await t.server.projects.require(project.id)).assessments;
    expect(assessment).toMatchObject({
      sessionId: grille.id,
      criteria: { 'finalite-sociale': { level: 'affirme' }, gouvernance: { level: 'a_construire' } },
    });
    expect(assessment!.criteria['finalite-sociale'].links).toContainEqual({ kind: 'note', sessionId: grille.id, targetId: 'shape:b', label: 'Diagnostic du CCAS' });
  }, 120_000);
});
