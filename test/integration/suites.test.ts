import { afterAll, describe, expect, it } from 'vitest';
import type { Suite } from '../../shared/suites.js';
import { authed } from '../helpers/api.js';
import { STORAGE_ENGINES } from '../helpers/storageEngines.js';
import { suiteWorkshop } from '../helpers/suiteWorkshop.js';
import type { TestServer } from '../helpers/startTestServer.js';

const cleanup: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const step of cleanup.reverse()) await step();
});

async function api(t: TestServer, token: string, path: string, method = 'GET', body?: unknown) {
  const res = await fetch(`${t.url}/api/sessions${path}`, authed(token, { method, body: body === undefined ? undefined : JSON.stringify(body) }));
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as Record<string, unknown> & { error?: { code: string } } };
}

describe.each(STORAGE_ENGINES)('suites on $name', (engine) => {
  it.skipIf(engine.skip)('are made from one note or a cluster, keep their place and votes by collège, and survive a restart', async () => {
    let t = await engine.start(cleanup);
    const { session, zoe, malik } = await suiteWorkshop(t);
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
    const t = await engine.start(cleanup);
    cleanup.push(() => t.close());
    const { session, zoe } = await suiteWorkshop(t);
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
