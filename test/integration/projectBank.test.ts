import { afterEach, describe, expect, it } from 'vitest';
import type { BankProjectEntry, BankProjectView } from '../../shared/bankProjects.js';
import { trameMeta } from '../../shared/boardLayout.js';
import { DEVICE_TOKENS_HEADER, encodeDeviceTokens } from '../../shared/deviceTokens.js';
import type { ProjectAccess, ProjectView } from '../../shared/projects.js';
import { authed, joinSession, type CreatedSession } from '../helpers/api.js';
import { storageEngines } from '../helpers/engines.js';
import { noteRecord } from '../helpers/records.js';
import { removeDataDir, startTestServer, type TestServer } from '../helpers/startTestServer.js';
import { connectYjsClient, eventually, whenSynced } from '../helpers/yjsClient.js';

type Created = ProjectView & { access: ProjectAccess };

const engines = storageEngines();

describe.each(engines)('a project published in the bank (%s)', (_name, engine) => {
  let t: TestServer;
  afterEach(async () => {
    await t?.close();
    if (t) await removeDataDir(t.dataDir);
  });

  async function call(path: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}) {
    const res = await fetch(`${t.url}/api${path}`, {
      method: init.method ?? 'GET',
      headers: { 'content-type': 'application/json', ...init.headers },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    const text = await res.text();
    return { status: res.status, text, body: (text ? JSON.parse(text) : null) as Record<string, unknown> & { error?: { code: string } } };
  }

  /** A diagnostic whose enjeux Zoé and Malik wrote under their pseudonyms. */
  async function writeEnjeux(session: CreatedSession) {
    const people = [await joinSession(t.url, session.joinCode, 'Zoé Lambert', 'elu'), await joinSession(t.url, session.joinCode, 'Malik Benali', 'habitant')];
    const board = connectYjsClient(t.wsUrl, session.id, { token: session.access.token });
    await whenSynced(board);
    const zone = [...board.records.values()].find((r) => trameMeta(r)?.zoneId === 'enjeux')!;
    const at = (i: number) => ({ x: Number(zone.x) + 40 + i * 240, y: Number(zone.y) + 200 });
    board.records.set('shape:isolement', noteRecord('isolement', 'Rompre l’isolement des aînés', at(0), { participantId: people[0]!.participantId, college: 'elu' }));
    board.records.set('shape:mobilite', noteRecord('mobilite', 'Se déplacer sans voiture', at(1), { participantId: people[1]!.participantId, college: 'habitant' }));
    await eventually(async () => expect(await t.server.boards.read(session.id, (r) => r.has('shape:mobilite'))).toBe(true));
    board.destroy();
    return people;
  }

  it('shows the project as one entry with its finished workshops, anonymised, and takes it all out again', async () => {
    t = await startTestServer(engine());
    const project = (await call('/projects', {
      method: 'POST',
      body: { title: 'Bien vieillir à Étouvie', territory: { name: 'Amiens Étouvie', echelon: 'quartier' }, partners: ['CCAS'] },
    })).body as unknown as Created;
    const mine = { [DEVICE_TOKENS_HEADER]: encodeDeviceTokens([{ sessionId: project.id, token: project.access.token }]) };
    const workshop = async (body: Record<string, unknown>) =>
      (await call(`/projects/${project.id}/sessions`, { method: 'POST', headers: mine, body: { facilitatorName: 'Dominique Facil', ...body } }))
        .body as unknown as CreatedSession;
    const afom = await workshop({ title: 'Diagnostic AFOM', templateIds: ['afom-du-territoire'], description: { phase: 'diagnostic' } });
    const people = await writeEnjeux(afom);
    const ideation = await workshop({
      title: 'Idéation',
      templateIds: ['comment-pourrions-nous'],
      description: { phase: 'ideation' },
      carryOver: { items: [{ sessionId: afom.id, kind: 'note', id: 'shape:isolement' }], target: { templateId: 'comment-pourrions-nous', zoneId: 'constats' } },
    });
    const running = await workshop({ title: 'Atelier projet en cours', templateIds: ['afom-du-territoire'] });
    await call(`/projects/${project.id}/characterisation`, {
      method: 'POST',
      headers: mine,
      body: {
        criteria: {
          'finalite-sociale': {
            level: 'affirme',
            evidence: 'Isolement mesuré par le CCAS',
            links: [
              { kind: 'note', sessionId: afom.id, targetId: 'shape:isolement', label: 'Rompre l’isolement des aînés' },
              { kind: 'note', sessionId: running.id, targetId: 'shape:x', label: 'Une note d’un atelier non publié' },
              { kind: 'url', url: 'https://ccas.example.fr/isolement', label: 'Étude du CCAS' },
            ],
          },
        },
      },
    });

    // Nothing finished yet: nothing to publish.
    const early = await call(`/projects/${project.id}`, { method: 'PATCH', headers: mine, body: { published: true } });
    expect(early.status).toBe(409);
    expect(early.body.error?.code).toBe('project_not_publishable');
    for (const s of [afom, ideation]) {
      expect((await fetch(`${t.url}/api/sessions/${s.id}`, authed(s.access.token, { method: 'PATCH', body: JSON.stringify({ status: 'finished' }) }))).status).toBe(200);
    }
    // Only its device may publish it.
    expect((await call(`/projects/${project.id}`, { method: 'PATCH', body: { published: true } })).status).toBe(404);
    expect((await call('/bank')).body.projects).toEqual([]);

    const published = await call(`/projects/${project.id}`, { method: 'PATCH', headers: mine, body: { published: true } });
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({ published: true });

    // One entry: the finished workshops are in it, not beside it; the running one is nowhere.
    const list = await call('/bank');
    const entries = list.body.entries as { id: string }[];
    const projects = list.body.projects as BankProjectEntry[];
    expect(projects.map((p) => p.title)).toEqual(['Bien vieillir à Étouvie']);
    expect(projects[0]!.workshops).toEqual([
      { id: afom.id, title: 'Diagnostic AFOM', phase: 'diagnostic' },
      { id: ideation.id, title: 'Idéation', phase: 'ideation' },
    ]);
    expect(entries.map((e) => e.id)).not.toContain(afom.id);
    expect(entries.map((e) => e.id)).not.toContain(ideation.id);
    expect((await call(`/bank/${running.id}`)).status).toBe(404);
    expect((await call(`/bank/${ideation.id}`)).body.project).toEqual({ id: project.id, title: 'Bien vieillir à Étouvie' });

    const page = await call(`/bank/projects/${project.id}`);
    expect(page.status).toBe(200);
    const view = page.body as unknown as BankProjectView;
    expect(view).toMatchObject({ title: 'Bien vieillir à Étouvie', partners: ['CCAS'], territory: { name: 'Amiens Étouvie', echelon: 'quartier' } });
    expect(view.workshops.map((w) => w.title)).toEqual(['Diagnostic AFOM', 'Idéation']);
    expect(view.workshops[1]!.carriedFrom).toEqual([{ sessionId: afom.id, title: 'Diagnostic AFOM', count: 1 }]);
    // Evidence stays where it points at something public.
    expect(view.assessments.at(-1)!.criteria['finalite-sociale']).toEqual({
      level: 'affirme',
      evidence: 'Isolement mesuré par le CCAS',
      links: [
        { kind: 'note', sessionId: afom.id, targetId: 'shape:isolement', label: 'Rompre l’isolement des aînés' },
        { kind: 'url', url: 'https://ccas.example.fr/isolement', label: 'Étude du CCAS' },
      ],
    });

    // What a visitor can read of the project and of each of its workshops names no one.
    const read = [list.text, page.text];
    for (const s of [afom, ideation]) {
      for (const part of ['', '/board', '/essentials', '/suites']) {
        const res = await call(`/bank/${s.id}${part}`);
        expect(res.status, `${s.title}${part}`).toBe(200);
        read.push(res.text);
      }
    }
    expect(read.join('\n')).toContain('Rompre l’isolement des aînés');
    for (const text of read) {
      for (const secret of ['Zoé', 'Lambert', 'Malik', 'Benali', 'Dominique', running.title, project.access.token]) expect(text).not.toContain(secret);
      for (const s of [afom, ideation, running]) {
        expect(text).not.toContain(s.joinCode);
        expect(text).not.toContain(s.access.token);
        expect(text).not.toContain(s.access.participantId);
      }
      for (const p of people) expect(text).not.toContain(p.participantId);
      expect(text).not.toMatch(/authorId|"college"|ownerTokenHash/);
    }

    // Found by its own words and by its workshops' notes.
    for (const q of ['Étouvie', 'isolement']) {
      await eventually(async () => expect(((await call(`/bank?q=${encodeURIComponent(q)}`)).body.projects as BankProjectEntry[]).map((p) => p.id)).toEqual([project.id]));
    }
    expect((await call('/bank?q=boulangerie')).body.projects).toEqual([]);

    // Out of the bank, with its workshops.
    expect((await call(`/projects/${project.id}`, { method: 'PATCH', headers: mine, body: { published: false } })).body).toMatchObject({ published: false });
    expect((await call('/bank')).body.projects).toEqual([]);
    expect((await call(`/bank/projects/${project.id}`)).status).toBe(404);
    for (const s of [afom, ideation]) expect((await call(`/bank/${s.id}`)).status).toBe(404);
  }, 60_000);

  it('answers a project that is not published, or does not exist, as not found', async () => {
    t = await startTestServer(engine());
    const project = (await call('/projects', { method: 'POST', body: { title: 'Démarche privée' } })).body as unknown as Created;
    for (const id of [project.id, 'nope', '..%2F..%2Fetc']) {
      const res = await call(`/bank/projects/${id}`);
      expect(res.status).toBe(404);
      expect(res.text).not.toContain('Démarche privée');
    }
    const mine = { [DEVICE_TOKENS_HEADER]: encodeDeviceTokens([{ sessionId: project.id, token: project.access.token }]) };
    expect((await call(`/projects/${project.id}`, { method: 'PATCH', headers: mine, body: { published: 'oui' } })).status).toBe(400);
  });
});
