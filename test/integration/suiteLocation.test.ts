import { parse } from 'csv-parse/sync';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import type { PublicSuite, Suite } from '../../shared/suites.js';
import { authed } from '../helpers/api.js';
import { mapRecord, noteRecord } from '../helpers/records.js';
import type { TestServer } from '../helpers/startTestServer.js';
import { STORAGE_ENGINES } from '../helpers/storageEngines.js';
import { suiteWorkshop } from '../helpers/suiteWorkshop.js';
import { connectYjsClient, eventually, whenSynced } from '../helpers/yjsClient.js';

const cleanup: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const step of cleanup.reverse()) await step();
});

/** Rezé, on the Loire (west of Greenwich). */
const MAP = { west: -1.6, south: 47.15, east: -1.5, north: 47.2 };

async function call(t: TestServer, token: string | null, path: string, method = 'GET', body?: unknown) {
  const init = { method, body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body) };
  const res = await fetch(`${t.url}/api${path}`, token ? authed(token, init) : { ...init, headers: { 'content-type': 'application/json' } });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as Suite & { error?: { code: string; message: string; fields?: { path: string; message: string }[] } } };
}

describe.each(STORAGE_ENGINES)('a suite’s location on $name', (engine) => {
  it.skipIf(engine.skip)('is a place name and a point the facilitator gives, kept after a restart, and handed on in every export and to the public', async () => {
    let t = await engine.start(cleanup);
    const extra = [mapRecord('carte', { x: 0, y: 1200, w: 1000, h: 800 }, MAP), noteRecord('ecole', 'Trottoir étroit devant l’école', { x: 150, y: 1300 })];
    const { session } = await suiteWorkshop(t, extra);
    const token = session.access.token;
    const suites = `/sessions/${session.id}/suites`;
    const bus = (await call(t, token, suites, 'POST', { noteIds: ['shape:bus'] })).body;
    expect(bus).toMatchObject({ placeName: null, location: null });

    const named = await call(t, token, `${suites}/${bus.id}`, 'PATCH', { placeName: '  Place de la mairie ', location: { latitude: 47.1812345678, longitude: -1.5521 } });
    expect(named.status).toBe(200);
    expect(named.body).toMatchObject({ placeName: 'Place de la mairie', location: { latitude: 47.181235, longitude: -1.5521 } });

    // Taken from a note pinned on the map: the pin's own point.
    const pins = JSON.parse(await (await fetch(`${t.url}/api/sessions/${session.id}/export/pins.geojson`, authed(token))).text()) as { features: { id: string; geometry: { coordinates: [number, number] } }[] };
    const [lng, lat] = pins.features.find((f) => f.id === 'shape:ecole')!.geometry.coordinates;
    const banc = (await call(t, token, suites, 'POST', { noteIds: ['shape:banc'], title: 'Des bancs' })).body;
    const pinned = await call(t, token, `${suites}/${banc.id}`, 'PATCH', { location: { fromNote: 'shape:ecole' } });
    expect(pinned.body).toMatchObject({ placeName: null, location: { latitude: lat, longitude: lng } });

    t = await t.restart();
    cleanup.push(() => t.close());
    const listed = (await call(t, token, suites)).body as unknown as { suites: Suite[] };
    expect(listed.suites.map((s) => [s.title, s.placeName, s.location])).toEqual([
      ['Un bus le dimanche', 'Place de la mairie', { latitude: 47.181235, longitude: -1.5521 }],
      ['Des bancs', null, { latitude: lat, longitude: lng }],
    ]);

    const csv = parse(await (await fetch(`${t.url}/api/sessions/${session.id}/export/decidim.csv`, authed(token))).text(), { columns: true }) as Record<string, string>[];
    expect(csv.map((r) => [r['title/fr'], r.address, Number(r.latitude), Number(r.longitude)])).toEqual([
      ['Un bus le dimanche', 'Place de la mairie', 47.181235, -1.5521],
      ['Des bancs', '', lat, lng],
    ]);
    const meeting = (await (await fetch(`${t.url}/api/sessions/${session.id}/export/decidim-meeting.json`, authed(token))).json()) as { closing_report: { fr: string }; proposals: { address: string | null }[] };
    expect(meeting.proposals.map((p) => p.address)).toEqual(['Place de la mairie', null]);
    expect(meeting.closing_report.fr).toContain('- **Un bus le dimanche** : À l’étude — Place de la mairie');
    const zip = unzipSync(new Uint8Array(await (await fetch(`${t.url}/api/sessions/${session.id}/export/datapackage.zip`, authed(token))).arrayBuffer()));
    const rows = parse(strFromU8(zip['suites.csv']!), { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => [r.titre, r.lieu, r.latitude])).toEqual([
      ['Un bus le dimanche', 'Place de la mairie', '47.181235'],
      ['Des bancs', '', String(lat)],
    ]);

    // Published: the bank tells where, and taking the name and the point away leaves the suite without them.
    const patch = (body: unknown) => call(t, token, `/sessions/${session.id}`, 'PATCH', body);
    expect((await patch({ status: 'finished' })).status).toBe(200);
    expect((await patch({ published: true })).status).toBe(200);
    const bank = (await call(t, null, `/bank/${session.id}/suites`)).body as unknown as { suites: PublicSuite[] };
    expect(bank.suites[0]).toMatchObject({ placeName: 'Place de la mairie', location: { latitude: 47.181235 } });
    // Which note a point was taken from stays on the server: it would lead back to the note's author.
    expect(JSON.stringify(bank)).not.toMatch(/shape:|pointFrom/);
    expect(JSON.stringify(listed)).not.toMatch(/shape:ecole|pointFrom/);
    const cleared = await call(t, token, `${suites}/${bus.id}`, 'PATCH', { placeName: '', location: null });
    expect(cleared.body).toMatchObject({ placeName: null, location: null, title: 'Un bus le dimanche' });
  });

  it.skipIf(engine.skip)('refuses, each with its reason and without changing the suite, what is not a place or a point', async () => {
    const t = await engine.start(cleanup);
    cleanup.push(() => t.close());
    const { session, zoe } = await suiteWorkshop(t, [mapRecord('carte', { x: 0, y: 1200, w: 1000, h: 800 }, MAP)]);
    const token = session.access.token;
    const path = `/sessions/${session.id}/suites`;
    const suite = (await call(t, token, path, 'POST', { noteIds: ['shape:bus'] })).body;
    await call(t, token, `${path}/${suite.id}`, 'PATCH', { placeName: 'Gare', location: { latitude: 47.2, longitude: -1.55 } });
    const refusals: [unknown, string, string][] = [
      [{ location: { latitude: 91, longitude: 2 } }, 'location.latitude', 'entre -90 et 90'],
      [{ location: { latitude: 47, longitude: -181 } }, 'location.longitude', 'entre -180 et 180'],
      [{ location: { latitude: '47,2', longitude: 2 } }, 'location.latitude', 'doit être un nombre'],
      [{ location: { latitude: 47 } }, 'location', 'latitude et la longitude ensemble'],
      [{ location: { latitude: 47, longitude: 2, fromNote: 'shape:bus' } }, 'location', 'pas les deux'],
      [{ location: { latitude: 47, longitude: 2, altitude: 30 } }, 'location', 'Localisation attendue'],
      [{ location: 'Rezé' }, 'location', 'Localisation attendue'],
      [{ location: { fromNote: '../../etc/passwd' } }, 'location.fromNote', 'Identifiant de note invalide'],
      [{ placeName: 'Gare\u202Eexe' }, 'placeName', 'caractères invisibles'],
      [{ placeName: 'Gare\nde Rezé' }, 'placeName', 'caractères invisibles'],
      [{ placeName: 'x'.repeat(201) }, 'placeName', 'au plus 200 caractères'],
      [{ placeName: 42 }, 'placeName', 'doit être un texte'],
    ];
    for (const [body, field, words] of refusals) {
      const res = await call(t, token, `${path}/${suite.id}`, 'PATCH', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error?.code).toBe('invalid_body');
      expect(res.body.error?.fields?.find((f) => f.path === field)?.message, JSON.stringify(body)).toContain(words);
    }
    // A note that is not on a map, or not on the board, has no point to give.
    for (const fromNote of ['shape:bus', 'shape:nulle-part']) {
      const res = await call(t, token, `${path}/${suite.id}`, 'PATCH', { location: { fromNote } });
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({ code: 'suite_note_not_on_map', message: expect.stringContaining('pas posée sur une carte') });
    }
    expect((await call(t, token, `${path}/${suite.id}`, 'PATCH', '{"location": {"latitude": NaN, "longitude": 1}}')).status).toBe(400);
    // Only facilitators locate a suite.
    expect((await call(t, zoe.token, `${path}/${suite.id}`, 'PATCH', { placeName: 'Chez moi' })).status).toBe(403);
    expect((await call(t, null, `${path}/${suite.id}`, 'PATCH', { placeName: 'Chez moi' })).status).toBe(401);

    const kept = ((await call(t, token, path)).body as unknown as { suites: Suite[] }).suites[0]!;
    expect([kept.placeName, kept.location]).toEqual(['Gare', { latitude: 47.2, longitude: -1.55 }]);
  });

  it.skipIf(engine.skip)('keeps a point the facilitator typed when a participant withdraws, and drops one their note on the map gave', async () => {
    const t = await engine.start(cleanup);
    cleanup.push(() => t.close());
    const { session, malik } = await suiteWorkshop(t, [mapRecord('carte', { x: 0, y: 1200, w: 1000, h: 800 }, MAP)]);
    const token = session.access.token;
    const board = connectYjsClient(t.wsUrl, session.id, { token });
    await whenSynced(board);
    board.records.set('shape:ecole', noteRecord('ecole', 'Trottoir étroit devant l’école', { x: 150, y: 1300 }, { participantId: malik.participantId, college: 'habitant' }));
    await eventually(async () => expect((await call(t, token, `/sessions/${session.id}/suites`, 'POST', { noteIds: ['shape:ecole'] })).status).toBe(201));
    board.destroy();
    const path = `/sessions/${session.id}/suites`;
    const [fromPins] = ((await call(t, token, path)).body as unknown as { suites: Suite[] }).suites;
    expect(fromPins!.location).not.toBeNull();
    const taken = (await call(t, token, path, 'POST', { noteIds: ['shape:bus'] })).body;
    expect((await call(t, token, `${path}/${taken.id}`, 'PATCH', { location: { fromNote: 'shape:ecole' } })).body.location).toEqual(fromPins!.location);
    const typed = (await call(t, token, path, 'POST', { noteIds: ['shape:banc'], title: 'Des bancs' })).body;
    await call(t, token, `${path}/${typed.id}`, 'PATCH', { placeName: 'Place du marché', location: { latitude: 47.19, longitude: -1.56 } });

    expect((await fetch(`${t.url}/api/sessions/${session.id}/me/contributions`, authed(malik.token, { method: 'DELETE' }))).status).toBe(200);
    const after = ((await call(t, token, path)).body as unknown as { suites: Suite[] }).suites;
    expect(after.map((s) => [s.placeName, s.location])).toEqual([
      [null, null],
      [null, null],
      ['Place du marché', { latitude: 47.19, longitude: -1.56 }],
    ]);
  });
});
