import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asDevice, authed, createSession, type CreatedSession } from '../helpers/api.js';
import { removeDataDir, startTestServer, type TestServer } from '../helpers/startTestServer.js';
import { connectYjsClient, eventually, fakeNote, whenSynced } from '../helpers/yjsClient.js';

describe('finding sessions on the dashboard', () => {
  let t: TestServer;
  let mobility: CreatedSession;
  let seniors: CreatedSession;
  const find = async (query: string) => {
    const res = await fetch(`${t.url}/api/sessions?${query}`, { headers: asDevice(mobility, seniors) });
    expect(res.status).toBe(200);
    return ((await res.json()).sessions as { id: string }[]).map((s) => s.id);
  };
  const describeSession = (s: CreatedSession, body: unknown) =>
    fetch(`${t.url}/api/sessions/${s.id}`, authed(s.access.token, { method: 'PATCH', body: JSON.stringify(body) }));

  beforeAll(async () => {
    t = await startTestServer();
    mobility = await createSession(t.url, { title: 'Mobilité en zone rurale' });
    seniors = await createSession(t.url, { title: 'Isolement des seniors' });
    await describeSession(mobility, {
      status: 'running',
      description: {
        territory: { name: 'Communauté de communes du Pays de Lumbres', echelon: 'intercommunalite' },
        themes: ['mobilite'],
        phase: 'diagnostic',
        stage: 'emergence',
        format: 'presentiel',
        date: '2026-11-20',
        summary: 'Se déplacer sans voiture.',
      },
    });
    await describeSession(seniors, {
      description: { territory: { name: 'Amiens', echelon: 'commune' }, themes: ['vieillissement', 'cohesion'], phase: 'ideation' },
    });
  });
  afterAll(async () => {
    await t.close();
    await removeDataDir(t.dataDir);
  });

  it('filters by theme, échelon, territory, phase, stage and status', async () => {
    expect(await find('theme=mobilite')).toEqual([mobility.id]);
    expect(await find('echelon=commune')).toEqual([seniors.id]);
    expect(await find('territory=lumbres')).toEqual([mobility.id]);
    expect(await find('phase=ideation')).toEqual([seniors.id]);
    expect(await find('stage=emergence')).toEqual([mobility.id]);
    expect(await find('status=running')).toEqual([mobility.id]);
    expect(await find('theme=cohesion&echelon=commune')).toEqual([seniors.id]);
  });

  it('finds words without their accents', async () => {
    expect(await find('q=mobilite')).toEqual([mobility.id]);
    expect(await find('q=AMIENS')).toEqual([seniors.id]);
  });

  it('finds words written on sticky notes, once the board changes', async () => {
    expect(await find('q=covoiturage')).toEqual([]);
    const client = connectYjsClient(t.wsUrl, seniors.id, { token: seniors.access.token });
    await whenSynced(client);
    client.records.set('shape:idea', fakeNote('idea', 'Un réseau de covoiturage solidaire'));
    await eventually(async () => expect(await find('q=covoiturage')).toEqual([seniors.id]), 15_000);
    client.destroy();
  });

  it('answers each hit with the passage that matched, its words marked, keeping the other fields', async () => {
    const client = connectYjsClient(t.wsUrl, mobility.id, { token: mobility.access.token });
    await whenSynced(client);
    client.records.set('shape:bus', fakeNote('bus', 'Un Minibus à la demande le mardi'));
    const matches = async (query: string) => {
      const res = await fetch(`${t.url}/api/sessions?${query}`, { headers: asDevice(mobility, seniors) });
      return (await res.json()).sessions as { id: string; title: string; match?: { field: string; text: string; highlights: [number, number][] } }[];
    };
    await eventually(async () => expect((await matches('q=minibus'))[0]?.match?.field).toBe('note'), 15_000);
    client.destroy();
    const [hit] = await matches('q=minibus');
    expect(hit).toMatchObject({ id: mobility.id, title: 'Mobilité en zone rurale', match: { field: 'note', text: 'Un Minibus à la demande le mardi' } });
    expect(hit!.match!.highlights.map(([a, b]) => hit!.match!.text.slice(a, b))).toEqual(['Minibus']);
    // A word of the record card: the field it was found in; a prefix marks the whole word.
    const [territory] = await matches('q=lumb');
    expect(territory!.match).toMatchObject({ field: 'territory', text: 'Communauté de communes du Pays de Lumbres' });
    expect(territory!.match!.highlights.map(([a, b]) => territory!.match!.text.slice(a, b))).toEqual(['Lumbres']);
    // Without a query there is nothing to explain.
    expect((await matches('theme=mobilite'))[0]!.match).toBeUndefined();
  });

  it('refuses an unknown facet value with 400 naming it', async () => {
    const res = await fetch(`${t.url}/api/sessions?theme=astrologie`);
    expect(res.status).toBe(400);
    expect((await res.json()).error.fields[0].path).toBe('theme');
  });

  it('refuses a description with a bad date, naming the field', async () => {
    const res = await describeSession(mobility, { description: { date: '20/11/2026' } });
    expect(res.status).toBe(400);
    expect((await res.json()).error.fields[0].path).toBe('description.date');
  });
});
