import { mkdir } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { trameMeta } from '../../shared/boardLayout.js';
import { DEVICE_TOKENS_HEADER, encodeDeviceTokens } from '../../shared/deviceTokens.js';
import type { ProjectAccess, ProjectView } from '../../shared/projects.js';
import { authed, joinSession, type CreatedSession } from '../helpers/api.js';
import { seriousViolations } from '../helpers/axe.js';
import { e2eEnvironment } from '../helpers/e2eEnvironment.js';
import { noteRecord } from '../helpers/records.js';
import { connectYjsClient, eventually, whenSynced } from '../helpers/yjsClient.js';

const SHOTS = '/tmp/parcours-shots';
const SIZES = [[1440, 900], [1280, 800], [390, 844]] as const;

describe('a project in the public bank', () => {
  const env = e2eEnvironment();

  it('is published from its page as one entry with its finished workshops, read by a visitor without a pseudonym, and taken out again', async () => {
    const { t, browser } = env;
    await mkdir(SHOTS, { recursive: true });
    const api = async <T,>(path: string, body: unknown, headers: Record<string, string> = {}, method = 'POST') => {
      const res = await fetch(`${t.url}/api${path}`, { method, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
      expect(res.status, path).toBeLessThan(300);
      return (await res.json()) as T;
    };

    // A project of two finished workshops, the second started from an enjeu of the first.
    const project = await api<ProjectView & { access: ProjectAccess }>('/projects', {
      title: 'Bien vieillir à Étouvie',
      territory: { name: 'Amiens Étouvie', echelon: 'quartier' },
      partners: ['CCAS', 'Centre social'],
      description: 'Rompre l’isolement des aînés du quartier, du diagnostic aux actions.',
    });
    const mine = { [DEVICE_TOKENS_HEADER]: encodeDeviceTokens([{ sessionId: project.id, token: project.access.token }]) };
    const afom = await api<CreatedSession>(`/projects/${project.id}/sessions`, {
      title: 'Diagnostic AFOM', templateIds: ['afom-du-territoire'], facilitatorName: 'Dominique Facil', description: { phase: 'diagnostic' },
    }, mine);
    const zoe = await joinSession(t.url, afom.joinCode, 'Zoé Lambert', 'elu');
    const board = connectYjsClient(t.wsUrl, afom.id, { token: afom.access.token });
    await whenSynced(board);
    const zone = [...board.records.values()].find((r) => trameMeta(r)?.zoneId === 'enjeux')!;
    board.records.set('shape:isolement', noteRecord('isolement', 'Rompre l’isolement des aînés', { x: Number(zone.x) + 40, y: Number(zone.y) + 200 }, { participantId: zoe.participantId, college: 'elu' }));
    await eventually(async () => expect(await t.server.boards.read(afom.id, (r) => r.has('shape:isolement'))).toBe(true));
    board.destroy();
    const ideation = await api<CreatedSession>(`/projects/${project.id}/sessions`, {
      title: 'Idéation : vieillir chez soi',
      templateIds: ['comment-pourrions-nous'],
      description: { phase: 'ideation' },
      carryOver: { items: [{ sessionId: afom.id, kind: 'note', id: 'shape:isolement' }], target: { templateId: 'comment-pourrions-nous', zoneId: 'constats' } },
    }, mine);
    await api(`/projects/${project.id}/characterisation`, {
      criteria: {
        'finalite-sociale': {
          level: 'affirme',
          evidence: 'Isolement mesuré par le CCAS',
          links: [{ kind: 'note', sessionId: afom.id, targetId: 'shape:isolement', label: 'Rompre l’isolement des aînés' }],
        },
        gouvernance: { level: 'en_construction' },
      },
    }, mine);
    for (const s of [afom, ideation]) await api(`/sessions/${s.id}`, { status: 'finished' }, authed(s.access.token).headers as Record<string, string>, 'PATCH');

    // The facilitator publishes it from the project page, on the device that holds it.
    const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1440, height: 900 } });
    await context.addInitScript(([id, token]) => localStorage.setItem(`trame.project.${id}`, token!), [project.id, project.access.token]);
    const page = await context.newPage();
    await page.goto(`${t.url}/demarches/${project.id}`);
    await page.getByRole('heading', { level: 1, name: 'Bien vieillir à Étouvie' }).waitFor();
    await page.getByRole('button', { name: 'Publier dans la Banque des ateliers' }).click();
    await page.getByRole('status').filter({ hasText: 'Démarche publiée dans la banque' }).waitFor();
    const inBank = page.getByRole('link', { name: 'Voir dans la banque' });
    expect(await inBank.getAttribute('href')).toBe(`/banque/demarches/${project.id}`);
    await page.getByRole('button', { name: 'Retirer de la banque' }).waitFor();
    await page.screenshot({ path: `${SHOTS}/project-published-1440x900.png` });

    // A visitor: the bank lists the project as one card holding its workshops.
    const visitor = await (await browser.newContext({ locale: 'fr-FR', viewport: { width: 1440, height: 900 } })).newPage();
    await visitor.goto(`${t.url}/banque`);
    const projects = visitor.getByRole('region', { name: '1 démarche' });
    await projects.getByRole('link', { name: 'Bien vieillir à Étouvie' }).waitFor();
    const workshops = projects.getByRole('list', { name: 'Ateliers de « Bien vieillir à Étouvie »' });
    expect(await workshops.getByRole('link').allTextContents()).toEqual(['Diagnostic AFOM', 'Idéation : vieillir chez soi']);
    expect(await visitor.locator('.bank-card').count()).toBe(1);
    expect(await seriousViolations(visitor)).toEqual([]);
    await visitor.getByText('1 démarche · 0 atelier').waitFor();
    for (const [w, h] of SIZES) {
      await visitor.setViewportSize({ width: w, height: h });
      await visitor.screenshot({ path: `${SHOTS}/bank-list-project-${w}x${h}.png`, fullPage: true });
      expect(await seriousViolations(visitor), `${w}×${h}`).toEqual([]);
    }
    await visitor.setViewportSize({ width: 1440, height: 900 });

    // Its page: the journey, where the second workshop started from, the grid; nobody named.
    await projects.getByRole('link', { name: 'Bien vieillir à Étouvie' }).click();
    await visitor.getByRole('heading', { level: 1, name: 'Bien vieillir à Étouvie' }).waitFor();
    await visitor.getByRole('heading', { level: 4, name: 'Diagnostic AFOM' }).waitFor();
    await visitor.getByText('↳ Part de 1 idée(s) de « Diagnostic AFOM »').waitFor();
    const row = visitor.getByRole('table').getByRole('row', { name: /Finalité sociale/ });
    await row.getByText('Affirmé').waitFor();
    expect(await row.getByRole('link', { name: 'Rompre l’isolement des aînés' }).getAttribute('href')).toBe(`/banque/${afom.id}`);
    await visitor.getByRole('img', { name: /Première et dernière évaluation/ }).waitFor();
    const text = await visitor.locator('body').innerText();
    for (const secret of ['Zoé', 'Lambert', 'Dominique', afom.joinCode, ideation.joinCode]) expect(text).not.toContain(secret);
    expect(await seriousViolations(visitor)).toEqual([]);
    await visitor.locator('.journey-card__ideas').getByText('Rompre l’isolement des aînés').first().waitFor();
    for (const [w, h] of SIZES) {
      await visitor.setViewportSize({ width: w, height: h });
      await visitor.screenshot({ path: `${SHOTS}/bank-project-${w}x${h}.png`, fullPage: true });
      expect(await seriousViolations(visitor), `${w}×${h}`).toEqual([]);
    }
    await visitor.setViewportSize({ width: 1440, height: 900 });
    await visitor.getByRole('link', { name: 'Idéation : vieillir chez soi' }).click();
    await visitor.getByRole('heading', { level: 1, name: 'Idéation : vieillir chez soi' }).waitFor();
    const back = visitor.getByRole('link', { name: 'Fait partie de la démarche « Bien vieillir à Étouvie »' });
    expect(await back.getAttribute('href')).toBe(`/banque/demarches/${project.id}`);

    // Taken out: the project and its workshops leave the bank.
    await page.getByRole('button', { name: 'Retirer de la banque' }).click();
    await page.getByRole('status').filter({ hasText: 'retirés de la banque' }).waitFor();
    await visitor.goto(`${t.url}/banque`);
    await visitor.getByText('Aucun atelier publié pour l\'instant.').waitFor();
    await visitor.goto(`${t.url}/banque/demarches/${project.id}`);
    await visitor.getByRole('alert').waitFor();
  }, 180_000);
});
