import { parse } from 'csv-parse/sync';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import type { Suite } from '../../shared/suites.js';
import { authed, type CreatedSession } from '../helpers/api.js';
import { dataPackageProblems } from '../helpers/dataPackageSpec.js';
import { mapRecord, noteRecord } from '../helpers/records.js';
import type { TestServer } from '../helpers/startTestServer.js';
import { STORAGE_ENGINES } from '../helpers/storageEngines.js';
import { suiteWorkshop } from '../helpers/suiteWorkshop.js';

const cleanup: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const step of cleanup.reverse()) await step();
});

/** Rezé, on the Loire: west of Greenwich, so its longitudes are negative (a « - » a spreadsheet would take for a formula). */
const MAP = { west: -1.6, south: 47.15, east: -1.5, north: 47.2 };

async function post(t: TestServer, token: string, path: string, body: unknown) {
  const res = await fetch(`${t.url}/api/sessions${path}`, authed(token, { method: 'POST', body: JSON.stringify(body) }));
  return (await res.json()) as Suite;
}

/** The workshop with a map and a pin on it, and three suites: a cluster (retenue), the pin, a formula-like title. */
async function followedWorkshop(t: TestServer) {
  const extra = [mapRecord('carte', { x: 0, y: 1200, w: 1000, h: 800 }, MAP), noteRecord('ecole', 'Trottoir étroit devant l’école', { x: 150, y: 1300 })];
  const workshop = await suiteWorkshop(t, extra);
  const { session } = workshop;
  const token = session.access.token;
  const cluster = await post(t, token, `/${session.id}/suites`, { noteIds: ['shape:bus', 'shape:navette'] });
  await post(t, token, `/${session.id}/suites/${cluster.id}/status`, { status: 'retenue', reason: 'Budget 2027' });
  const pin = await post(t, token, `/${session.id}/suites`, { noteIds: ['shape:ecole'] });
  await post(t, token, `/${session.id}/suites`, { noteIds: ['shape:banc'], title: '=SOMME(A1:A9)' });
  return { ...workshop, pin };
}

const secretsOf = (session: CreatedSession, people: { participantId: string; token: string }[]) => [
  'Zoé',
  'Malik',
  session.joinCode,
  session.access.token,
  ...people.flatMap((p) => [p.participantId, p.token]),
];

describe.each(STORAGE_ENGINES)('suites handed on, on $name', (engine) => {
  it.skipIf(engine.skip)('as an open data package whose descriptor and every CSV follow the standard, anonymised, with the map pins', async () => {
    const t = await engine.start(cleanup);
    cleanup.push(() => t.close());
    const { session, zoe, malik, pin } = await followedWorkshop(t);
    expect(pin.location?.longitude).toBeCloseTo(-1.575, 2);
    const url = `${t.url}/api/sessions/${session.id}/export/datapackage.zip`;
    const res = await fetch(url, authed(session.access.token));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/zip');
    expect(res.headers.get('content-disposition')).toContain('2026-11-20-atelier-mobilites-donnees.zip');
    const files = Object.fromEntries(Object.entries(unzipSync(new Uint8Array(await res.arrayBuffer()))).map(([name, data]) => [name, strFromU8(data)]));
    expect(Object.keys(files).sort()).toEqual(['atelier.csv', 'contributions.csv', 'datapackage.json', 'reperes.geojson', 'suites-historique.csv', 'suites.csv', 'votes.csv']);

    const descriptor = JSON.parse(files['datapackage.json']!) as { name: string; licenses: { name: string }[]; resources: { name: string }[] };
    const { problems, tables } = dataPackageProblems(descriptor, files);
    expect(problems).toEqual([]);
    expect(descriptor.name).toBe('2026-11-20-atelier-mobilites');
    expect(descriptor.licenses[0]!.name).toBe('etalab-2.0');
    expect(tables.get('atelier')).toEqual([expect.objectContaining({ titre: 'Atelier mobilités', date: '2026-11-20', territoire: 'Rezé', echelon: 'Commune', personnes: '2', personnes_elu: '1', personnes_habitant: '1', contributions: '3', points_votes: '3' })]);
    // The notes of the canvas (the report leaves out « Des bancs », written far outside it).
    expect(tables.get('contributions')!.map((c) => [c.canevas, c.zone, c.texte, c.college, c.points])).toEqual([
      ['Atelier mobilités', 'Atouts', 'Un bus le dimanche', 'elu', '2'],
      ['Atelier mobilités', 'Atouts', 'Une navette vers la gare', 'elu', '1'],
      ['Atelier mobilités', '', 'Trottoir étroit devant l’école', '', '0'],
    ]);
    const bus = tables.get('contributions')!.find((c) => c.texte === 'Un bus le dimanche')!;
    expect(tables.get('votes')!.map((v) => [v.rang, v.contribution_id, v.total, v.points_elu, v.points_habitant])).toEqual([
      ['1', bus.id, '2', '1', '1'],
      ['2', expect.any(String), '1', '0', '1'],
    ]);
    const suites = tables.get('suites')!;
    expect(suites.map((s) => [s.titre, s.statut, s.raison])).toEqual([
      ['Un bus le dimanche', 'retenue', 'Budget 2027'],
      ['Trottoir étroit devant l’école', 'a_l_etude', ''],
      ["'=SOMME(A1:A9)", 'a_l_etude', ''],
    ]);
    expect(Number(suites[1]!.longitude)).toBeCloseTo(-1.575, 2);
    expect(tables.get('suites-historique')).toHaveLength(4);
    expect(JSON.parse(files['reperes.geojson']!).features).toHaveLength(1);
    const everything = Object.values(files).join('\n');
    for (const secret of secretsOf(session, [zoe, malik])) expect(everything).not.toContain(secret);

    // The checks can fail: the published profiles refuse a package without resources, a field of a type the
    // standard does not define, a dialect's header given as a word; the CSVs, a word in a number column and a
    // dangling foreign key.
    expect(dataPackageProblems({ ...descriptor, resources: [] }, files).problems).toEqual([expect.stringMatching(/^datapackage\.json\/resources: must NOT have fewer than 1 items/)]);
    const [atelier, ...rest] = descriptor.resources as { name: string; dialect: object; schema: { fields: object[] } }[];
    const misdescribed = {
      ...descriptor,
      resources: [{ ...atelier!, dialect: { header: 'oui' }, schema: { ...atelier!.schema, fields: [{ name: 'titre', type: 'texte' }, ...atelier!.schema.fields.slice(1)] } }, ...rest],
    };
    expect(dataPackageProblems(misdescribed, files).problems).toEqual(
      expect.arrayContaining([expect.stringMatching(/^resources\[0\]\.schema\/fields\/0/), expect.stringMatching(/^resources\[0\]\.dialect\/header/)]),
    );
    const broken = { ...files, 'votes.csv': files['votes.csv']!.replace(`\r\n1,${bus.id},`, '\r\n1,999,').replace(/\r\n2,/, '\r\ndeux,') };
    expect(dataPackageProblems(descriptor, broken).problems).toEqual(
      expect.arrayContaining([expect.stringContaining('rang: « deux » is not a integer'), expect.stringContaining('« 999 » not found in contributions')]),
    );

    const other = await fetch(`${url}?licence=CC-BY-4.0`, authed(session.access.token));
    expect(JSON.parse(strFromU8(unzipSync(new Uint8Array(await other.arrayBuffer()))['datapackage.json']!)).licenses[0].name).toBe('CC-BY-4.0');
    const bad = await fetch(`${url}?licence=copyright`, authed(session.access.token));
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toContain('Licence attendue');
    expect((await fetch(url, authed(zoe.token))).status).toBe(403);
    expect((await fetch(url)).status).toBe(401);
  });

  it.skipIf(engine.skip)('as a Decidim meeting closing report, in Markdown and JSON, and as proposals placed where their pins are', async () => {
    let t = await engine.start(cleanup);
    const { session, zoe, malik } = await followedWorkshop(t);
    t = await t.restart();
    cleanup.push(() => t.close());
    const token = session.access.token;
    const base = `${t.url}/api/sessions/${session.id}/export`;

    const json = await fetch(`${base}/decidim-meeting.json`, authed(token));
    expect(json.status).toBe(200);
    const meeting = (await json.json()) as Record<string, unknown> & { closing_report: { fr: string } };
    expect(meeting).toMatchObject({
      attendees_count: 2,
      attendees_count_by_college: { elu: 1, habitant: 1, agent: 0, partenaire: 0, autre: 0 },
      contributions_count: 3,
      proposals: [
        { title: { fr: 'Un bus le dimanche' }, status: 'retenue', reason: 'Budget 2027' },
        { title: { fr: 'Trottoir étroit devant l’école' }, status: 'a_l_etude', reason: null },
        { title: { fr: '=SOMME(A1:A9)' }, status: 'a_l_etude', reason: null },
      ],
    });
    const md = await fetch(`${base}/decidim-meeting.md`, authed(token));
    expect(md.headers.get('content-type')).toContain('text/markdown');
    const text = await md.text();
    expect(text).toBe(meeting.closing_report.fr);
    expect(text).toContain('# Compte rendu de la rencontre « Atelier mobilités »');
    expect(text).toContain('- Personnes présentes : 2 (Élu·e : 1, Habitant·e : 1)');
    expect(text).toContain('1. Un bus le dimanche (2 points)');
    expect(text).toContain('- **Un bus le dimanche** : Retenue (Budget 2027)');
    expect(text).toContain('- **\\=SOMME(A1:A9)** : À l’étude');
    for (const secret of secretsOf(session, [zoe, malik])) expect(JSON.stringify(meeting)).not.toContain(secret);
    expect((await fetch(`${base}/decidim-meeting.md`, authed(malik.token))).status).toBe(403);

    const rows = parse(await (await fetch(`${base}/decidim.csv`, authed(token))).text(), { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => [r['title/fr'], r.latitude !== '', (r.longitude ?? '').startsWith("'")])).toEqual([
      ['Un bus le dimanche', false, false],
      ['Trottoir étroit devant l’école', true, false],
      ["'=SOMME(A1:A9)", false, false],
    ]);
    expect(Number(rows[1]!.longitude)).toBeCloseTo(-1.575, 2);
  });
});
