import { afterAll, describe, expect, it } from 'vitest';
import { boardRecords, trameMeta, type BoardRecord } from '../../shared/boardLayout.js';
import { DEVICE_TOKENS_HEADER, encodeDeviceTokens } from '../../shared/deviceTokens.js';
import type { JourneyWorkshop, ProjectAccess, ProjectView } from '../../shared/projects.js';
import { shapeText } from '../../shared/richText.js';
import { createSession, joinSession, type CreatedSession } from '../helpers/api.js';
import { noteRecord } from '../helpers/records.js';
import { STORAGE_ENGINES } from '../helpers/storageEngines.js';
import { startTestServer, type TestServer } from '../helpers/startTestServer.js';
import { connectYjsClient, eventually, whenSynced } from '../helpers/yjsClient.js';
import { connectFacilitation, send } from '../helpers/facilitationClient.js';

const cleanup: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const step of cleanup.reverse()) await step();
});


type Created = ProjectView & { access: ProjectAccess };

/** A device holding project and session tokens, sending them as the client does. */
function device(grants: { id: string; token: string }[]): Record<string, string> {
  return { [DEVICE_TOKENS_HEADER]: encodeDeviceTokens(grants.map((g) => ({ sessionId: g.id, token: g.token }))) };
}

async function call(t: TestServer, path: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}) {
  const res = await fetch(`${t.url}/api${path}`, {
    method: init.method ?? 'GET',
    headers: { 'content-type': 'application/json', ...init.headers },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as Record<string, unknown> & { error?: { code: string } } };
}

const projectOf = (p: Created) => ({ id: p.id, token: p.access.token });
const sessionOf = (s: CreatedSession) => ({ id: s.id, token: s.access.token });

/** Notes by Zoé (élue) and Malik (habitant) in the « Enjeux » zone of an AFOM. */
async function afomWithEnjeux(t: TestServer, session: CreatedSession): Promise<{ enjeux: string[] }> {
  const zoe = await joinSession(t.url, session.joinCode, 'Zoé', 'elu');
  const malik = await joinSession(t.url, session.joinCode, 'Malik', 'habitant');
  const board = connectYjsClient(t.wsUrl, session.id, { token: session.access.token });
  await whenSynced(board);
  const zone = [...board.records.values()].find((r) => trameMeta(r)?.zoneId === 'enjeux')!;
  const at = (i: number) => ({ x: Number(zone.x) + 40 + i * 240, y: Number(zone.y) + 200 });
  board.records.set('shape:mobilite', noteRecord('mobilite', 'Se déplacer sans voiture', at(0), { participantId: zoe.participantId, college: 'elu' }));
  board.records.set('shape:isolement', noteRecord('isolement', 'Rompre l’isolement des aînés', at(1), { participantId: malik.participantId, college: 'habitant' }));
  await eventually(async () => {
    const present = await t.server.registry.withBoard(session.id, (room) => boardRecords(room.doc).has('shape:isolement'));
    expect(present).toBe(true);
  });
  board.destroy();
  return { enjeux: ['shape:mobilite', 'shape:isolement'] };
}

describe.each(STORAGE_ENGINES)('projects on $name', (engine) => {
  it.skipIf(engine.skip)('are created, listed to their device only, described, and gather attached and new workshops', async () => {
    let t = await engine.start(cleanup);

    const created = await call(t, '/projects', {
      method: 'POST',
      body: { title: 'Bien vieillir à Étouvie', territory: { name: 'Amiens Étouvie', echelon: 'quartier' }, themes: ['vieillissement'], partners: ['CCAS', 'Centre social'] },
    });
    expect(created.status).toBe(201);
    const project = created.body as unknown as Created;
    expect(project).toMatchObject({ title: 'Bien vieillir à Étouvie', partners: ['CCAS', 'Centre social'], sessions: [], assessments: [] });
    expect(project.access.token).toBeTruthy();
    expect(JSON.stringify(project)).not.toContain('ownerTokenHash');
    const mine = device([projectOf(project)]);

    expect((await call(t, '/projects', { headers: mine })).body.projects).toHaveLength(1);
    expect((await call(t, '/projects')).body.projects).toHaveLength(0);
    expect((await call(t, `/projects/${project.id}`)).status).toBe(404);
    const forged = device([{ id: project.id, token: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' }]);
    expect((await call(t, `/projects/${project.id}`, { headers: forged })).status).toBe(404);
    expect((await call(t, `/projects/${project.id}`, { method: 'PATCH', headers: forged, body: { title: 'Volé' } })).status).toBe(404);

    const patched = await call(t, `/projects/${project.id}`, { method: 'PATCH', headers: mine, body: { description: 'Un parcours en quatre ateliers.' } });
    expect(patched.body).toMatchObject({ title: 'Bien vieillir à Étouvie', description: 'Un parcours en quatre ateliers.' });
    const invalid = await call(t, `/projects/${project.id}`, { method: 'PATCH', headers: mine, body: { themes: ['licornes'] } });
    expect(invalid.status).toBe(400);

    // An existing session is attached only by a device that facilitates it.
    const existing = await createSession(t.url, { title: 'Diagnostic en marchant', description: { phase: 'diagnostic' } });
    const notMine = await call(t, `/projects/${project.id}`, { method: 'PATCH', headers: mine, body: { attachSessionIds: [existing.id] } });
    expect(notMine.status).toBe(404);
    expect(notMine.body.error?.code).toBe('project_session_not_found');
    const both = device([projectOf(project), sessionOf(existing)]);
    const attached = await call(t, `/projects/${project.id}`, { method: 'PATCH', headers: both, body: { attachSessionIds: [existing.id] } });
    expect((attached.body as unknown as ProjectView).sessions.map((s) => s.id)).toEqual([existing.id]);
    expect((await call(t, `/sessions/${existing.id}`)).body.projectId).toBe(project.id);

    // A new workshop made inside the project.
    const inside = await call(t, `/projects/${project.id}/sessions`, {
      method: 'POST',
      headers: mine,
      body: { title: 'Idéation', templateIds: ['comment-pourrions-nous'], description: { phase: 'ideation' } },
    });
    expect(inside.status).toBe(201);
    expect(inside.body).toMatchObject({ title: 'Idéation', projectId: project.id });
    expect((inside.body.access as { token: string }).token).toBeTruthy();
    const anonymous = await call(t, `/projects/${project.id}/sessions`, { method: 'POST', body: { title: 'Intrus' } });
    expect(anonymous.status).toBe(404);

    // Searchable by what describes it and by its workshops' titles.
    expect((await call(t, '/projects?q=etouvie', { headers: mine })).body.projects).toHaveLength(1);
    expect((await call(t, '/projects?q=ideation', { headers: mine })).body.projects).toHaveLength(1);
    expect((await call(t, '/projects?q=mobilite', { headers: mine })).body.projects).toHaveLength(0);

    const detached = await call(t, `/projects/${project.id}`, { method: 'PATCH', headers: both, body: { detachSessionIds: [existing.id] } });
    expect((detached.body as unknown as ProjectView).sessions.map((s) => s.title)).toEqual(['Idéation']);
    expect((await call(t, `/sessions/${existing.id}`)).body.projectId).toBeNull();

    t = await t.restart();
    const reread = (await call(t, `/projects/${project.id}`, { headers: mine })).body as unknown as ProjectView;
    expect(reread).toMatchObject({ description: 'Un parcours en quatre ateliers.', sessions: [{ title: 'Idéation', phase: 'ideation' }] });
    await t.close();
  });

  it.skipIf(engine.skip)('versions the characterisation: each update is dated and keeps the criteria it does not name', async () => {
    const t = await engine.start(cleanup);
    cleanup.push(() => t.close());
    const project = (await call(t, '/projects', { method: 'POST', body: { title: 'Épicerie solidaire' } })).body as unknown as Created;
    const mine = device([projectOf(project)]);
    const first = await call(t, `/projects/${project.id}/characterisation`, {
      method: 'POST',
      headers: mine,
      body: { criteria: { 'finalite-sociale': { level: 'en_construction', evidence: 'Besoin repéré par le CCAS' } } },
    });
    expect(first.status).toBe(201);
    const second = await call(t, `/projects/${project.id}/characterisation`, {
      method: 'POST',
      headers: mine,
      body: {
        criteria: {
          'finalite-sociale': { level: 'affirme' },
          gouvernance: { level: 'a_construire', links: [{ kind: 'url', url: 'https://example.org/ca', label: 'Compte rendu du CA' }] },
        },
      },
    });
    const view = second.body as unknown as ProjectView;
    expect(view.assessments).toHaveLength(2);
    expect(view.assessments[0]!.criteria['finalite-sociale']).toMatchObject({ level: 'en_construction', evidence: 'Besoin repéré par le CCAS' });
    expect(view.assessments[1]!.criteria['finalite-sociale']).toMatchObject({ level: 'affirme', evidence: 'Besoin repéré par le CCAS' });
    expect(view.assessments[1]!.criteria.gouvernance.links).toEqual([{ kind: 'url', url: 'https://example.org/ca', label: 'Compte rendu du CA' }]);
    expect(view.assessments[1]!.criteria.accessibilite.level).toBeNull();
    expect(Date.parse(view.assessments[1]!.at)).toBeGreaterThanOrEqual(Date.parse(view.assessments[0]!.at));

    for (const body of [
      { criteria: {} },
      { criteria: { licorne: { level: 'affirme' } } },
      { criteria: { gouvernance: { level: 'parfait' } } },
      { criteria: { gouvernance: { links: [{ kind: 'url', url: 'javascript:alert(1)', label: 'x' }] } } },
    ]) {
      const refused = await call(t, `/projects/${project.id}/characterisation`, { method: 'POST', headers: mine, body });
      expect(refused.status, JSON.stringify(body)).toBe(400);
    }
    expect(((await call(t, `/projects/${project.id}`, { headers: mine })).body as unknown as ProjectView).assessments).toHaveLength(2);
  });

  it.skipIf(engine.skip)('starts the next workshop with ideas of an earlier one, keeping their text, collège and source', async () => {
    const t = await engine.start(cleanup);
    cleanup.push(() => t.close());
    const project = (await call(t, '/projects', { method: 'POST', body: { title: 'Mobilités' } })).body as unknown as Created;
    const mine = device([projectOf(project)]);
    const afom = (await call(t, `/projects/${project.id}/sessions`, {
      method: 'POST',
      headers: mine,
      body: { title: 'Diagnostic AFOM', templateIds: ['afom-du-territoire'] },
    })).body as unknown as CreatedSession;
    const { enjeux } = await afomWithEnjeux(t, afom);
    const facilitator = await connectFacilitation(t.url, afom.id, afom.access.token);
    const voter = await connectFacilitation(t.url, afom.id, (await joinSession(t.url, afom.joinCode, 'Inès', 'agent')).token);
    await send(facilitator.socket, 'vote:open', { canvasId: null, budget: 3, maxPerNote: 2, showTotals: true });
    await send(voter.socket, 'vote:cast', { shapeId: 'shape:isolement' });
    await send(voter.socket, 'vote:cast', { shapeId: 'shape:isolement' });
    await send(voter.socket, 'vote:cast', { shapeId: 'shape:mobilite' });
    await send(facilitator.socket, 'vote:close', {});
    for (const c of [facilitator, voter]) c.close();
    const ideas = (await call(t, `/projects/${project.id}/sessions/${afom.id}/ideas`, { headers: mine })).body;
    expect(ideas.zones).toEqual([
      expect.objectContaining({ zoneId: 'enjeux', ideas: [expect.objectContaining({ noteId: 'shape:isolement', dots: 2 }), expect.objectContaining({ noteId: 'shape:mobilite', dots: 1 })] }),
    ]);
    const items = enjeux.map((id) => ({ sessionId: afom.id, kind: 'note', id }));
    const target = { templateId: 'comment-pourrions-nous', zoneId: 'constats' };

    // Refused selections create nothing: unknown note, zone not on the new board, session outside the project.
    const before = (await call(t, `/projects/${project.id}`, { headers: mine })).body as unknown as ProjectView;
    const bad = [
      { items: [...items, { sessionId: afom.id, kind: 'note', id: 'shape:nowhere' }], target },
      { items, target: { templateId: 'comment-pourrions-nous', zoneId: 'nowhere' } },
      { items: [{ sessionId: (await createSession(t.url)).id, kind: 'note', id: 'shape:x' }], target },
    ];
    for (const carryOver of bad) {
      const refused = await call(t, `/projects/${project.id}/sessions`, {
        method: 'POST',
        headers: mine,
        body: { title: 'Idéation', templateIds: ['comment-pourrions-nous'], carryOver },
      });
      expect(refused.status).toBe(404);
    }
    expect(((await call(t, `/projects/${project.id}`, { headers: mine })).body as unknown as ProjectView).sessions).toHaveLength(before.sessions.length);

    const next = await call(t, `/projects/${project.id}/sessions`, {
      method: 'POST',
      headers: mine,
      body: { title: 'Idéation', templateIds: ['comment-pourrions-nous'], carryOver: { items, target } },
    });
    expect(next.status).toBe(201);
    const records = await t.server.boards.records(next.body.id as string);
    const carried = records.filter((r) => trameMeta(r)?.origin);
    expect(carried.map((r) => shapeText(r)).sort()).toEqual(['Rompre l’isolement des aînés', 'Se déplacer sans voiture']);
    const mobilite = carried.find((r) => shapeText(r) === 'Se déplacer sans voiture')!;
    expect(trameMeta(mobilite)).toMatchObject({ college: 'elu', origin: { sessionId: afom.id, sessionTitle: 'Diagnostic AFOM', kind: 'note', sourceId: 'shape:mobilite' } });
    expect((mobilite.props as { color: string }).color).toBe('violet');
    // In the chosen zone, one beside the other.
    const zone = records.find((r) => trameMeta(r)?.zoneId === 'constats')!;
    const zoneBox = { x: Number(zone.x), y: Number(zone.y), w: Number((zone.props as { w: number }).w), h: Number((zone.props as { h: number }).h) };
    for (const note of carried) {
      expect(Number(note.x)).toBeGreaterThanOrEqual(zoneBox.x);
      expect(Number(note.y)).toBeGreaterThanOrEqual(zoneBox.y);
      expect(Number(note.x) + 200).toBeLessThanOrEqual(zoneBox.x + zoneBox.w);
    }
    expect(carried[0]!.x !== carried[1]!.x || carried[0]!.y !== carried[1]!.y).toBe(true);

    const journey = (await call(t, `/projects/${project.id}/journey`, { headers: mine })).body as unknown as { workshops: JourneyWorkshop[] };
    expect(journey.workshops.map((w) => w.title)).toEqual(['Diagnostic AFOM', 'Idéation']);
    expect(journey.workshops[0]!.topIdeas.map((i) => [i.text, i.dots, i.zoneLabel])).toEqual([
      ['Rompre l’isolement des aînés', 2, 'Enjeux qui en découlent'],
      ['Se déplacer sans voiture', 1, 'Enjeux qui en découlent'],
    ]);
    expect(journey.workshops[1]!.carried).toContainEqual({ text: 'Se déplacer sans voiture', college: 'elu', from: expect.objectContaining({ sessionId: afom.id }) });
  });
  it.skipIf(engine.skip)('round-trip through an archive: the project, its workshops, carried notes and assessments pointing at the copies', async () => {
    const source = await engine.start(cleanup);
    const target = await engine.start(cleanup);
    cleanup.push(() => source.close(), () => target.close());
    const project = (await call(source, '/projects', { method: 'POST', body: { title: 'Tiers-lieu', partners: ['Mairie'] } })).body as unknown as Created;
    const mine = device([projectOf(project)]);
    const afom = (await call(source, `/projects/${project.id}/sessions`, { method: 'POST', headers: mine, body: { title: 'AFOM', templateIds: ['afom-du-territoire'] } })).body as unknown as CreatedSession;
    const { enjeux } = await afomWithEnjeux(source, afom);
    await call(source, `/projects/${project.id}/sessions`, {
      method: 'POST',
      headers: mine,
      body: { title: 'Idéation', templateIds: ['comment-pourrions-nous'], carryOver: { items: [{ sessionId: afom.id, kind: 'note', id: enjeux[1] }], target: { templateId: 'comment-pourrions-nous', zoneId: 'constats' } } },
    });
    await call(source, `/projects/${project.id}/characterisation`, {
      method: 'POST',
      headers: mine,
      body: { sessionId: afom.id, criteria: { 'ancrage-territorial': { level: 'affirme', links: [{ kind: 'note', sessionId: afom.id, targetId: enjeux[0], label: 'Se déplacer' }] } } },
    });
    const archive = await call(source, `/projects/${project.id}/archive`, { headers: mine });
    expect(archive.status).toBe(200);
    expect(JSON.stringify(archive.body)).not.toContain(project.access.token);

    const own = await createSession(target.url, { title: 'Atelier de cet appareil' });
    expect((await call(target, '/projects/import', { method: 'POST', body: archive.body })).status).toBe(401);
    const broken = structuredClone(archive.body) as { sessions: { archive: { board: string } }[] };
    broken.sessions[1]!.archive.board = 'AAAA';
    expect((await call(target, '/projects/import', { method: 'POST', headers: device([sessionOf(own)]), body: broken })).status).toBe(400);
    expect((await call(target, '/sessions', { headers: device([sessionOf(own)]) })).body.sessions).toHaveLength(1);

    const imported = await call(target, '/projects/import', { method: 'POST', headers: device([sessionOf(own)]), body: archive.body });
    expect(imported.status).toBe(201);
    const copy = imported.body as unknown as Created & { grants: { sessionId: string; token: string }[] };
    expect(copy).toMatchObject({ title: 'Tiers-lieu', partners: ['Mairie'] });
    expect(copy.sessions.map((s) => s.title)).toEqual(['AFOM', 'Idéation']);
    const [newAfom, newIdeation] = copy.sessions;
    expect(copy.grants.map((g) => g.sessionId)).toEqual([newAfom!.id, newIdeation!.id]);
    const carried = (await target.server.boards.records(newIdeation!.id)).find((r) => trameMeta(r)?.origin)!;
    expect(trameMeta(carried)?.origin).toMatchObject({ sessionId: newAfom!.id, sessionTitle: 'AFOM' });
    expect(shapeText(carried)).toBe('Rompre l’isolement des aînés');
    const latest = copy.assessments.at(-1)!;
    expect(latest.sessionId).toBe(newAfom!.id);
    expect(latest.criteria['ancrage-territorial']).toMatchObject({ level: 'affirme', links: [{ kind: 'note', sessionId: newAfom!.id }] });
    const reread = await call(target, `/projects/${copy.id}`, { headers: device([{ id: copy.id, token: copy.access.token }]) });
    expect(reread.status).toBe(200);
  });
});

describe('a carried note’s origin', () => {
  it('is the server’s: a participant can neither forge one on a new note nor change one', async () => {
    const t = await startTestServer();
    cleanup.push(() => t.close());
    const project = (await call(t, '/projects', { method: 'POST', body: { title: 'Parcours' } })).body as unknown as Created;
    const mine = device([projectOf(project)]);
    const first = (await call(t, `/projects/${project.id}/sessions`, { method: 'POST', headers: mine, body: { title: 'AFOM', templateIds: ['afom-du-territoire'] } })).body as unknown as CreatedSession;
    const { enjeux } = await afomWithEnjeux(t, first);
    const second = (await call(t, `/projects/${project.id}/sessions`, {
      method: 'POST',
      headers: mine,
      body: { title: 'Suite', templateIds: ['afom-du-territoire'], carryOver: { items: [{ sessionId: first.id, kind: 'note', id: enjeux[0] }], target: { templateId: 'afom-du-territoire', zoneId: 'atouts' } } },
    })).body as unknown as CreatedSession;
    const carriedId = (await t.server.boards.records(second.id)).find((r) => trameMeta(r)?.origin)!.id;

    const camille = await joinSession(t.url, second.joinCode, 'Camille', 'habitant');
    const board = connectYjsClient(t.wsUrl, second.id, { token: camille.token });
    await whenSynced(board);
    const forged = noteRecord('forged', 'Idée imaginaire', { x: 0, y: 0 }, { participantId: camille.participantId, college: 'habitant' });
    (forged.meta as { trame: Record<string, unknown> }).trame.origin = { sessionId: first.id, sessionTitle: 'Faux', kind: 'note', sourceId: 'shape:x' };
    board.records.set(forged.id, forged);
    const carried = board.records.get(carriedId)!;
    board.records.set(carriedId, { ...carried, props: { ...(carried.props as object), richText: { type: 'doc', content: [] } } } as BoardRecord);
    await eventually(async () => {
      const stored = await t.server.boards.records(second.id);
      const pasted = stored.find((r) => r.id === 'shape:forged');
      expect(pasted).toBeDefined();
      expect(trameMeta(pasted!)).toEqual({ authorId: camille.participantId, college: 'habitant' });
      expect(shapeText(stored.find((r) => r.id === carriedId)!)).toBe('Se déplacer sans voiture');
    });
    board.destroy();
  });
});

describe('the grille canvas of a workshop', () => {
  it('proposes each criterion the level most of its notes were placed on, with their texts as evidence', async () => {
    const t = await startTestServer();
    cleanup.push(() => t.close());
    const project = (await call(t, '/projects', { method: 'POST', body: { title: 'Jardin partagé' } })).body as unknown as Created;
    const mine = device([projectOf(project)]);
    const grille = (await call(t, `/projects/${project.id}/sessions`, { method: 'POST', headers: mine, body: { title: 'Bilan', templateIds: ['grille-innovation-sociale'] } })).body as unknown as CreatedSession;
    const board = connectYjsClient(t.wsUrl, grille.id, { token: grille.access.token });
    await whenSynced(board);
    const zoneAt = (zoneId: string, i: number) => {
      const zone = [...board.records.values()].find((r) => trameMeta(r)?.zoneId === zoneId)!;
      return { x: Number(zone.x) + 10 + i * 5, y: Number(zone.y) + Number((zone.props as { h: number }).h) - 120 };
    };
    const notes: [string, string, string][] = [
      ['a', 'finalite-sociale-affirme', 'Besoin exprimé par 200 familles'],
      ['b', 'finalite-sociale-affirme', 'Diagnostic du CCAS'],
      ['c', 'finalite-sociale-en-construction', 'À préciser avec les seniors'],
      ['d', 'gouvernance-a-construire', 'Pas encore de comité d’usagers'],
    ];
    notes.forEach(([id, zone, text], i) => board.records.set(`shape:${id}`, noteRecord(id, text, zoneAt(zone, i % 2))));
    await eventually(async () => expect(await t.server.boards.read(grille.id, (r) => r.has('shape:d'))).toBe(true));
    board.destroy();

    const { proposals } = (await call(t, `/projects/${project.id}/sessions/${grille.id}/grid-proposals`, { headers: mine })).body as {
      proposals: { criterionId: string; level: string; counts: Record<string, number>; evidence: string; links: unknown[] }[];
    };
    expect(proposals.map((p) => [p.criterionId, p.level])).toEqual([
      ['finalite-sociale', 'affirme'],
      ['gouvernance', 'a_construire'],
    ]);
    expect(proposals[0]).toMatchObject({ counts: { affirme: 2, en_construction: 1, a_construire: 0 } });
    expect(proposals[0]!.evidence).toContain('Diagnostic du CCAS');
    expect(proposals[0]!.links).toContainEqual({ kind: 'note', sessionId: grille.id, targetId: 'shape:b', label: 'Diagnostic du CCAS' });
    expect((await call(t, `/projects/${project.id}/sessions/${grille.id}/grid-proposals`)).status).toBe(404);

    // Nothing is recorded until the facilitator confirms.
    expect(((await call(t, `/projects/${project.id}`, { headers: mine })).body as unknown as ProjectView).assessments).toHaveLength(0);
    const confirmed = await call(t, `/projects/${project.id}/characterisation`, {
      method: 'POST',
      headers: mine,
      body: { sessionId: grille.id, criteria: { 'finalite-sociale': { level: proposals[0]!.level, evidence: proposals[0]!.evidence, links: proposals[0]!.links } } },
    });
    expect(confirmed.status).toBe(201);
    expect((confirmed.body as unknown as ProjectView).assessments[0]).toMatchObject({ sessionId: grille.id, criteria: { 'finalite-sociale': { level: 'affirme' } } });
  });
});
