import { afterAll, describe, expect, it } from 'vitest';
import { boardRecords } from '../../shared/boardLayout.js';
import type { Suite } from '../../shared/suites.js';
import { authed, createSession, joinSession } from '../helpers/api.js';
import { createTestSchema, hasPostgres } from '../helpers/engines.js';
import { connectFacilitation, send } from '../helpers/facilitationClient.js';
import { noteRecord, zoneRecord } from '../helpers/records.js';
import { removeDataDir, startTestServer, type TestServer } from '../helpers/startTestServer.js';
import { connectYjsClient, eventually, whenSynced } from '../helpers/yjsClient.js';

interface Engine {
  name: string;
  skip: boolean;
  start(): Promise<TestServer>;
}

const cleanup: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const step of cleanup.reverse()) await step();
});

const engines: Engine[] = [
  { name: 'the embedded engine (lowdb)', skip: false, start: () => startTestServer() },
  {
    name: 'PostgreSQL',
    skip: !hasPostgres,
    async start() {
      const schema = await createTestSchema();
      cleanup.push(() => schema.drop());
      return startTestServer({ databaseUrl: schema.url });
    },
  },
];

async function api(t: TestServer, token: string, path: string, method = 'GET', body?: unknown) {
  const res = await fetch(`${t.url}/api/sessions${path}`, authed(token, { method, body: body === undefined ? undefined : JSON.stringify(body) }));
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as Record<string, unknown> & { error?: { code: string } } };
}

/** A board with one zone, two notes by Zoé (élue) and one by Malik (habitant), and a closed vote on them. */
async function workshop(t: TestServer) {
  const session = await createSession(t.url, { title: 'Atelier mobilités' });
  const zoe = await joinSession(t.url, session.joinCode, 'Zoé', 'elu');
  const malik = await joinSession(t.url, session.joinCode, 'Malik', 'habitant');
  const board = connectYjsClient(t.wsUrl, session.id, { token: session.access.token });
  await whenSynced(board);
  board.records.set('shape:c1-atouts', zoneRecord('c1', 'atouts', 'Atouts', { x: 0, y: 0, w: 2000, h: 1000 }));
  board.records.set('shape:bus', noteRecord('bus', 'Un bus le dimanche', { x: 50, y: 300 }, { participantId: zoe.participantId, college: 'elu' }));
  board.records.set('shape:navette', noteRecord('navette', 'Une navette vers la gare', { x: 300, y: 300 }, { participantId: zoe.participantId, college: 'elu' }));
  board.records.set('shape:banc', noteRecord('banc', 'Des bancs place du marché', { x: 3000, y: 3000 }, { participantId: malik.participantId, college: 'habitant' }));
  await eventually(async () => {
    const present = await t.server.registry.withBoard(session.id, (room) => boardRecords(room.doc).has('shape:banc'));
    expect(present).toBe(true);
  });
  board.destroy();

  const facilitator = await connectFacilitation(t.url, session.id, session.access.token);
  const voters = await Promise.all([zoe, malik].map((g) => connectFacilitation(t.url, session.id, g.token)));
  await send(facilitator.socket, 'vote:open', { canvasId: null, budget: 3, maxPerNote: 2, showTotals: true });
  await send(voters[0]!.socket, 'vote:cast', { shapeId: 'shape:bus' });
  await send(voters[1]!.socket, 'vote:cast', { shapeId: 'shape:bus' });
  await send(voters[1]!.socket, 'vote:cast', { shapeId: 'shape:navette' });
  await send(facilitator.socket, 'vote:close', {});
  for (const c of [facilitator, ...voters]) c.close();
  return { session, zoe, malik };
}

describe.each(engines)('suites on $name', (engine) => {
  it.skipIf(engine.skip)('are made from one note or a cluster, keep their place and votes by collège, and survive a restart', async () => {
    let t = await engine.start();
    cleanup.push(() => removeDataDir(t.dataDir));
    const { session, zoe, malik } = await workshop(t);
    const token = session.access.token;

    const cluster = await api(t, token, `/${session.id}/suites`, 'POST', { noteIds: ['shape:bus', 'shape:navette'] });
    expect(cluster.status).toBe(201);
    const suite = cluster.body as unknown as Suite;
    expect(suite).toMatchObject({
      title: 'Un bus le dimanche',
      body: 'Un bus le dimanche\n\nUne navette vers la gare',
      noteIds: ['shape:bus', 'shape:navette'],
      canvasId: 'c1',
      zoneId: 'atouts',
      zoneLabel: 'Atouts',
      votes: { total: 3, byCollege: { elu: 1, habitant: 2 } },
      status: 'a_l_etude',
    });
    expect(suite.history).toHaveLength(1);
    expect(JSON.stringify(suite)).not.toContain(zoe.participantId);

    const single = await api(t, token, `/${session.id}/suites`, 'POST', { noteIds: ['shape:banc'], title: 'Des bancs' });
    expect(single.body).toMatchObject({ title: 'Des bancs', canvasId: null, zoneId: null, votes: { total: 0 } });

    const edited = await api(t, token, `/${session.id}/suites/${suite.id}`, 'PATCH', { body: 'Une ligne de bus le dimanche, avec une navette' });
    expect(edited.body).toMatchObject({ title: 'Un bus le dimanche', body: 'Une ligne de bus le dimanche, avec une navette' });
    const kept = await api(t, token, `/${session.id}/suites/${suite.id}/status`, 'POST', { status: 'retenue', reason: 'Budget 2027' });
    expect(kept.body).toMatchObject({ status: 'retenue', history: [{ status: 'a_l_etude' }, { status: 'retenue', reason: 'Budget 2027' }] });

    t = await t.restart();
    const after = await api(t, token, `/${session.id}/suites`);
    expect((after.body.suites as Suite[]).map((s) => [s.title, s.status, s.history.length])).toEqual([
      ['Un bus le dimanche', 'retenue', 2],
      ['Des bancs', 'a_l_etude', 1],
    ]);

    // Zoé sees the suite of her two notes, without note ids; Malik sees only his.
    const mine = await api(t, zoe.token, `/${session.id}/suites/mine`);
    expect((mine.body.suites as Suite[]).map((s) => s.title)).toEqual(['Un bus le dimanche']);
    expect(JSON.stringify(mine.body)).not.toMatch(/shape:|Zoé|participantId/);
    const his = await api(t, malik.token, `/${session.id}/suites/mine`);
    expect((his.body.suites as Suite[]).map((s) => s.title)).toEqual(['Des bancs']);
    await t.close();
  });

  it.skipIf(engine.skip)('require a reason for « non retenue », stay editable once the session has ended, and are for facilitators only', async () => {
    const t = await engine.start();
    cleanup.push(() => removeDataDir(t.dataDir));
    cleanup.push(() => t.close());
    const { session, zoe } = await workshop(t);
    const token = session.access.token;
    const suite = (await api(t, token, `/${session.id}/suites`, 'POST', { noteIds: ['shape:bus'] })).body as unknown as Suite;

    const noReason = await api(t, token, `/${session.id}/suites/${suite.id}/status`, 'POST', { status: 'non_retenue' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error?.code).toBe('suite_reason_required');
    const blank = await api(t, token, `/${session.id}/suites/${suite.id}/status`, 'POST', { status: 'non_retenue', reason: '   ' });
    expect(blank.body.error?.code).toBe('suite_reason_required');
    expect(((await api(t, token, `/${session.id}/suites`)).body.suites as Suite[])[0]!.history).toHaveLength(1);

    expect((await api(t, token, `/${session.id}`, 'PATCH', { status: 'finished' })).status).toBe(200);
    const refused = await api(t, token, `/${session.id}/suites/${suite.id}/status`, 'POST', { status: 'non_retenue', reason: 'Hors compétence communale' });
    expect(refused.body).toMatchObject({ status: 'non_retenue', history: [{}, { reason: 'Hors compétence communale' }] });

    expect((await api(t, zoe.token, `/${session.id}/suites`)).status).toBe(403);
    expect((await api(t, zoe.token, `/${session.id}/suites`, 'POST', { noteIds: ['shape:bus'] })).status).toBe(403);
    expect((await api(t, zoe.token, `/${session.id}/suites/${suite.id}`, 'PATCH', { title: 'Piraté' })).status).toBe(403);
    expect((await fetch(`${t.url}/api/sessions/${session.id}/suites`)).status).toBe(401);

    const bad = await api(t, token, `/${session.id}/suites`, 'POST', { noteIds: ['shape:inconnue', 'shape:c1-atouts'] });
    expect(bad.status).toBe(404);
    expect(bad.body.error?.code).toBe('suite_notes_not_found');
    expect((await api(t, token, `/${session.id}/suites`, 'POST', { noteIds: [] })).body.error?.code).toBe('invalid_body');
    expect((await api(t, token, `/${session.id}/suites`, 'POST', { noteIds: ['<script>'] })).body.error?.code).toBe('invalid_body');
    expect((await api(t, token, `/${session.id}/suites/${suite.id}/status`, 'POST', { status: 'peut-être' })).body.error?.code).toBe('invalid_body');
    expect((await api(t, token, `/${session.id}/suites/inconnue`, 'PATCH', { title: 'X' })).body.error?.code).toBe('suite_not_found');
  });
});
