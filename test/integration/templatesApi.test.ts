import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { trameMeta } from '../../shared/boardLayout.js';
import type { TemplateSummary } from '../../shared/templateApi.js';
import type { Template } from '../../shared/templateSchema.js';
import { asDevice, authed, createSession } from '../helpers/api.js';
import { removeDataDir, startTestServer, type TestServer } from '../helpers/startTestServer.js';
import { connectYjsClient, eventually, whenSynced, type YjsClient } from '../helpers/yjsClient.js';

const json = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});

describe('templates API', () => {
  let t: TestServer;
  const clients: YjsClient[] = [];
  beforeEach(async () => {
    t = await startTestServer();
  });
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy();
    await t.close();
    await removeDataDir(t.dataDir);
  });

  /** Template import is for facilitators: a device that created a session. */
  const facilitatorDevice = async () => asDevice(await createSession(t.url, { title: 'Atelier de l’équipe' }));
  const getTemplate = async (id: string) => (await (await fetch(`${t.url}/api/templates/${id}`)).json()) as Template;
  const userCopy = async (id: string, newId: string) => ({ ...(await getTemplate(id)), id: newId, title: 'Notre AFOM maison' });

  it('lists the fourteen built-in canvases as cards and filters them by phase', async () => {
    const all = (await (await fetch(`${t.url}/api/templates`)).json()) as { templates: TemplateSummary[] };
    expect(all.templates).toHaveLength(14);
    expect(all.templates[0]).toMatchObject({
      id: 'carte-des-acteurs',
      phaseLabel: 'Diagnostic',
      builtIn: true,
      previewUrl: '/api/templates/carte-des-acteurs/preview.svg',
      durationMinutes: { min: 45, max: 60 },
    });
    const ideation = (await (await fetch(`${t.url}/api/templates?phase=ideation`)).json()) as { templates: TemplateSummary[] };
    expect(ideation.templates.map((c) => c.id)).toEqual(['comment-pourrions-nous', 'atelier-de-l-avenir', 'matrice-impact-faisabilite']);
    const bad = await fetch(`${t.url}/api/templates?phase=brainstorm`);
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.fields[0].path).toBe('phase');
  });

  it('serves one template whole, its export as a file, and a 404 in French for an unknown id', async () => {
    const afom = await getTemplate('afom-du-territoire');
    expect(afom.canvas.elements.some((e) => e.kind === 'zone' && e.label === 'Menaces')).toBe(true);
    const exported = await fetch(`${t.url}/api/templates/afom-du-territoire/export`);
    expect(exported.headers.get('content-disposition')).toMatch(/^attachment; filename="?afom-du-territoire\.trame\.json"?$/);
    expect(await exported.json()).toEqual(afom);
    const missing = await fetch(`${t.url}/api/templates/inconnu`);
    expect(missing.status).toBe(404);
    expect((await missing.json()).error).toMatchObject({ code: 'template_not_found', message: expect.stringMatching(/n'existe pas/) });
  });

  it('draws an SVG preview with the zone labels', async () => {
    const res = await fetch(`${t.url}/api/templates/afom-du-territoire/preview.svg`);
    expect(res.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    const svg = await res.text();
    expect(svg).toMatch(/^<svg /);
    for (const label of ['Atouts', 'Faiblesses', 'Opportunités', 'Menaces']) expect(svg).toContain(`>${label}</text>`);
  });

  it('imports a template file, lists it as a user template, and keeps it across a restart', async () => {
    const res = await fetch(`${t.url}/api/templates`, json(await userCopy('afom-du-territoire', 'afom-maison'), await facilitatorDevice()));
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ id: 'afom-maison', builtIn: false, phase: 'diagnostic' });
    t = await t.restart();
    expect((await getTemplate('afom-maison')).title).toBe('Notre AFOM maison');
    const list = (await (await fetch(`${t.url}/api/templates?phase=diagnostic`)).json()) as { templates: TemplateSummary[] };
    expect(list.templates.find((c) => c.id === 'afom-maison')?.builtIn).toBe(false);
  });

  it('refuses a malformed file naming each faulty field, and writes nothing', async () => {
    const broken = (await userCopy('afom-du-territoire', 'afom-cassee')) as unknown as Record<string, unknown> & {
      canvas: { elements: Record<string, unknown>[] };
    };
    delete broken.title;
    broken.canvas.elements[4]!.color = 'fuchsia';
    const res = await fetch(`${t.url}/api/templates`, json(broken, await facilitatorDevice()));
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(error.code).toBe('invalid_body');
    expect(error.fields).toEqual(
      expect.arrayContaining([
        { path: 'title', message: 'Ce champ est obligatoire.' },
        { path: 'canvas.elements.4.color', message: expect.stringMatching(/^Couleur inconnue/) },
      ]),
    );
    expect((await fetch(`${t.url}/api/templates/afom-cassee`)).status).toBe(404);
    const stored = await readFile(path.join(t.dataDir, 'templates.json'), 'utf8').catch(() => '');
    expect(stored).not.toContain('afom-cassee');
  });

  it('keeps built-in templates read-only', async () => {
    const res = await fetch(
      `${t.url}/api/templates`,
      json({ ...(await getTemplate('afom-du-territoire')), title: 'Écrasé' }, await facilitatorDevice()),
    );
    expect(res.status).toBe(409);
    expect((await res.json()).error).toMatchObject({ code: 'template_read_only', message: expect.stringMatching(/fourni avec Trame/) });
    expect((await getTemplate('afom-du-territoire')).title).toBe('AFOM du territoire');
  });

  it('refuses a session with an unknown template, naming its position', async () => {
    const res = await fetch(`${t.url}/api/sessions`, json({ title: 'Atelier', templateIds: ['afom-du-territoire', 'inconnu'] }));
    expect(res.status).toBe(400);
    expect((await res.json()).error.fields).toEqual([{ path: 'templateIds.1', message: expect.stringMatching(/« inconnu »/) }]);
  });

  it('adds a canvas to a live session: a connected client sees it appear, and the déroulé grows', async () => {
    const session = await createSession(t.url, { title: 'Atelier vivant', templateIds: ['afom-du-territoire'] });
    const client = connectYjsClient(t.wsUrl, session.id, { token: session.access.token });
    clients.push(client);
    await whenSynced(client);
    const denied = await fetch(`${t.url}/api/sessions/${session.id}/canvases`, json({ templateId: 'arbre-a-problemes' }));
    expect(denied.status).toBe(401);

    const res = await fetch(
      `${t.url}/api/sessions/${session.id}/canvases`,
      authed(session.access.token, { method: 'POST', body: JSON.stringify({ templateId: 'arbre-a-problemes' }) }),
    );
    expect(res.status).toBe(201);
    const added = await res.json();
    expect(added.session.templateIds).toEqual(['afom-du-territoire', 'arbre-a-problemes']);
    expect(added.session.steps.filter((s: { canvasId: string }) => s.canvasId === added.canvasId)).toHaveLength(4);

    await eventually(() => {
      const zones = [...client.records.values()].filter((r) => trameMeta(r)?.canvasId === added.canvasId && trameMeta(r)?.role === 'zone');
      expect(zones.map((z) => trameMeta(z)?.label)).toContain('Problème central');
    });
    const frames = [...client.records.values()].filter((r) => trameMeta(r)?.role === 'frame');
    const [first, second] = [frames.find((f) => trameMeta(f)?.templateId === 'afom-du-territoire')!, frames.find((f) => trameMeta(f)?.canvasId === added.canvasId)!];
    expect(second.x as number).toBeGreaterThan((first.x as number) + (first.props as { w: number }).w);
  });

  it('saves one canvas of a board as a template, with its zones and steps, for facilitators only', async () => {
    const session = await createSession(t.url, { title: 'Atelier source', templateIds: ['carte-des-acteurs', 'afom-du-territoire'] });
    const afomCanvas = session.steps.find((s) => s.templateId === 'afom-du-territoire')!.canvasId;
    const body = { fromSessionId: session.id, canvasId: afomCanvas, title: 'AFOM de Saint-Quentin', phase: 'diagnostic' };
    expect((await fetch(`${t.url}/api/templates`, json(body))).status).toBe(401);

    const res = await fetch(`${t.url}/api/templates`, authed(session.access.token, { method: 'POST', body: JSON.stringify(body) }));
    expect(res.status).toBe(201);
    const card = (await res.json()) as TemplateSummary;
    expect(card).toMatchObject({ title: 'AFOM de Saint-Quentin', builtIn: false, id: expect.stringMatching(/^afom-de-saint-quentin-[0-9a-f]{4}$/) });
    const saved = await getTemplate(card.id);
    const original = await getTemplate('afom-du-territoire');
    const zones = (tpl: Template) => tpl.canvas.elements.flatMap((e) => (e.kind === 'zone' ? [[e.id, e.label, e.w, e.h]] : []));
    expect(zones(saved)).toEqual(zones(original));
    expect(saved.steps).toEqual(original.steps);
    expect(saved.inspiration?.credit).toMatch(/D'après « AFOM du territoire »/);

    const unknownCanvas = await fetch(
      `${t.url}/api/templates`,
      authed(session.access.token, { method: 'POST', body: JSON.stringify({ ...body, canvasId: 'nulle-part' }) }),
    );
    expect(unknownCanvas.status).toBe(404);
  });
});
