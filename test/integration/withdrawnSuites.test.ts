import { strFromU8, unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import type { Suite } from '../../shared/suites.js';
import { apiPaths as paths } from '../../shared/paths.js';
import { authed, createSession, joinSession } from '../helpers/api.js';
import { storageEngines } from '../helpers/engines.js';
import { connectFacilitation, send } from '../helpers/facilitationClient.js';
import { noteRecord } from '../helpers/records.js';
import { removeDataDir, startTestServer, type TestServer } from '../helpers/startTestServer.js';
import { connectYjsClient, eventually, whenSynced } from '../helpers/yjsClient.js';

const ZOE_NOTE = 'Un bus le dimanche\nPassant par la gare routière';
const MALIK_NOTE = 'Des bancs place du marché';
const FACILITATOR_OWN = 'Réponse de la mairie : étude lancée avec le syndicat des transports.';

describe.each(storageEngines())('suites of a participant who withdrew, on the %s engine', (_engine, engineConfig) => {
  const servers: TestServer[] = [];
  afterEach(async () => {
    for (const s of servers.splice(0)) {
      await s.close();
      await removeDataDir(s.dataDir);
    }
  });

  it("keep nothing of the withdrawn notes' text, dots or place, in the suites, the exports and the bank; the facilitator's own words stay", async () => {
    const t = await startTestServer(engineConfig());
    servers.push(t);
    const session = await createSession(t.url, { title: 'Atelier mobilités' });
    const token = session.access.token;
    const zoe = await joinSession(t.url, session.joinCode, 'Zoé', 'elu');
    const malik = await joinSession(t.url, session.joinCode, 'Malik', 'habitant');
    const reader = connectYjsClient(t.wsUrl, session.id, { token });
    await whenSynced(reader);
    // Each writes through their own connection: the server stamps the notes with their ids.
    for (const [who, id, text, x] of [[zoe, 'bus', ZOE_NOTE, 0], [malik, 'banc', MALIK_NOTE, 300]] as const) {
      const board = connectYjsClient(t.wsUrl, session.id, { token: who.token });
      await whenSynced(board);
      board.records.set(`shape:${id}`, noteRecord(id, text, { x, y: 0 }));
      await eventually(() => expect(reader.records.has(`shape:${id}`)).toBe(true));
      board.destroy();
    }
    reader.destroy();
    const [facilitator, malikSocket] = await Promise.all([connectFacilitation(t.url, session.id, token), connectFacilitation(t.url, session.id, malik.token)]);
    await send(facilitator.socket, 'vote:open', { canvasId: null, budget: 3, maxPerNote: 2, showTotals: true });
    expect(await send(malikSocket.socket, 'vote:cast', { shapeId: 'shape:bus' })).toMatchObject({ ok: true });
    expect(await send(malikSocket.socket, 'vote:cast', { shapeId: 'shape:banc' })).toMatchObject({ ok: true });
    facilitator.close();
    malikSocket.close();

    const base = `${t.url}${paths.session(session.id)}`;
    const makeSuite = async (body: object) =>
      (await (await fetch(`${base}/suites`, authed(token, { method: 'POST', body: JSON.stringify(body) }))).json()) as Suite;
    const fromZoe = await makeSuite({ noteIds: ['shape:bus'] });
    const fromBoth = await makeSuite({ noteIds: ['shape:bus', 'shape:banc'] });
    const rewritten = await makeSuite({ noteIds: ['shape:bus'], title: 'Transports en fin de semaine', body: `${FACILITATOR_OWN}\n\n${ZOE_NOTE}` });
    expect(fromZoe.title).toBe('Un bus le dimanche');
    expect(fromBoth.votes.total).toBe(2);
    expect((await fetch(base, authed(token, { method: 'PATCH', body: JSON.stringify({ status: 'finished' }) }))).status).toBe(200);
    expect((await fetch(base, authed(token, { method: 'PATCH', body: JSON.stringify({ published: true }) }))).status).toBe(200);
    expect(await (await fetch(`${t.url}${paths.bankSuites(session.id)}`)).text()).toContain('Un bus le dimanche');

    expect((await fetch(`${base}/me/contributions`, authed(zoe.token, { method: 'DELETE' }))).status).toBe(200);

    const suites = ((await (await fetch(`${base}/suites`, authed(token))).json()) as { suites: Suite[] }).suites;
    const byId = new Map(suites.map((s) => [s.id, s]));
    expect(byId.get(fromZoe.id)).toMatchObject({ title: 'Idée retirée par la personne qui l’avait proposée', body: '', noteIds: [], votes: { total: 0 } });
    expect(byId.get(fromBoth.id)).toMatchObject({ title: MALIK_NOTE, body: MALIK_NOTE, noteIds: ['shape:banc'], votes: { total: 1 } });
    expect(byId.get(rewritten.id)).toMatchObject({ title: 'Transports en fin de semaine', body: FACILITATOR_OWN, noteIds: [] });

    // Nowhere the suites are read or printed from: the facilitator's list, the exports, the bank.
    const everywhere = [
      `${base}/suites`,
      `${base}/export/decidim.csv`,
      `${base}/export/decidim.json`,
      `${base}/export/decidim-meeting.md`,
      `${t.url}${paths.bankSuites(session.id)}`,
      `${t.url}${paths.bankBoard(session.id)}`,
      `${t.url}${paths.bankEssentials(session.id)}`,
    ];
    for (const url of everywhere) {
      const res = await fetch(url, authed(token));
      expect(res.status, url).toBe(200);
      const body = Buffer.from(await res.arrayBuffer()).toString('utf8');
      for (const withdrawn of ['Un bus le dimanche', 'Passant par la gare routière']) expect(body, url).not.toContain(withdrawn);
    }
    expect(await (await fetch(`${t.url}${paths.bankBoard(session.id)}`)).text()).toContain(MALIK_NOTE);
    // The open data package, file by file: its suites, contributions, votes and pins.
    const zip = unzipSync(new Uint8Array(await (await fetch(`${base}/export/datapackage.zip`, authed(token))).arrayBuffer()));
    expect(Object.keys(zip)).toContain('suites.csv');
    for (const [name, bytes] of Object.entries(zip)) {
      for (const withdrawn of ['Un bus le dimanche', 'Passant par la gare routière']) expect(strFromU8(bytes), name).not.toContain(withdrawn);
    }
    expect(strFromU8(zip['suites.csv']!)).toContain(MALIK_NOTE);

    // Stored that way: a restart reads the same.
    const again = await t.restart();
    servers.splice(0, 1, again);
    const reread = await (await fetch(`${again.url}${paths.session(session.id)}/suites`, authed(token))).text();
    expect(reread).not.toContain('Un bus le dimanche');
    expect(reread).toContain(FACILITATOR_OWN);
  });
});
