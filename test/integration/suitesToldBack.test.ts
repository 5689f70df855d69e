import { describe, expect, it } from 'vitest';
import type { PublicSuite } from '../../shared/suites.js';
import { authed, createSession, joinSession } from '../helpers/api.js';
import { noteRecord } from '../helpers/records.js';
import { serverPerFile } from '../helpers/serverPerFile.js';
import { connectYjsClient, whenSynced } from '../helpers/yjsClient.js';

describe('suites told back', () => {
  const env = serverPerFile();

  it('show on the published bank entry with their history, and nothing that leads back to a person', async () => {
    const { t } = env;
    const session = await createSession(t.url, { title: 'Atelier place du marché' });
    const zoe = await joinSession(t.url, session.joinCode, 'Zoé Martin', 'elu');
    const other = await joinSession(t.url, session.joinCode, 'Malik', 'habitant');
    const board = connectYjsClient(t.wsUrl, session.id, { token: session.access.token });
    await whenSynced(board);
    board.records.set('shape:bancs', noteRecord('bancs', 'Des bancs à l’ombre', { x: 0, y: 0 }, { participantId: zoe.participantId, college: 'elu' }));
    await new Promise((r) => setTimeout(r, 300));
    board.destroy();
    const token = session.access.token;
    const base = `${t.url}/api/sessions/${session.id}`;
    const suite = (await (await fetch(`${base}/suites`, authed(token, { method: 'POST', body: JSON.stringify({ noteIds: ['shape:bancs'] }) }))).json()) as PublicSuite;
    await fetch(`${base}/suites/${suite.id}/status`, authed(token, { method: 'POST', body: JSON.stringify({ status: 'retenue', reason: 'Voté au conseil' }) }));

    const bankSuites = `${t.url}/api/bank/${session.id}/suites`;
    expect((await fetch(bankSuites)).status).toBe(404);
    expect((await fetch(base, authed(token, { method: 'PATCH', body: JSON.stringify({ status: 'finished' }) }))).status).toBe(200);
    expect((await fetch(base, authed(token, { method: 'PATCH', body: JSON.stringify({ published: true }) }))).status).toBe(200);

    const res = await fetch(bankSuites);
    expect(res.status).toBe(200);
    const text = await res.text();
    const { suites } = JSON.parse(text) as { suites: PublicSuite[] };
    expect(suites.map((s) => [s.title, s.status, s.history.map((h) => [h.status, h.reason])])).toEqual([
      ['Des bancs à l’ombre', 'retenue', [['a_l_etude', null], ['retenue', 'Voté au conseil']]],
    ]);
    for (const secret of ['Zoé', zoe.participantId, session.joinCode, 'shape:', 'authorIds', 'noteIds']) expect(text).not.toContain(secret);

    // The author sees it from their link; another participant does not.
    const mine = (await (await fetch(`${base}/suites/mine`, authed(zoe.token))).json()) as { suites: PublicSuite[] };
    expect(mine.suites.map((s) => s.status)).toEqual(['retenue']);
    expect(((await (await fetch(`${base}/suites/mine`, authed(other.token))).json()) as { suites: unknown[] }).suites).toEqual([]);
    expect((await fetch(`${base}/suites/mine`)).status).toBe(401);
  });
});
