import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { authed, createSession, joinSession } from '../helpers/api.js';
import { noteRecord, zoneRecord } from '../helpers/records.js';
import { connectYjsClient, whenSynced } from '../helpers/yjsClient.js';
import { serverPerFile } from '../helpers/serverPerFile.js';

describe('exporting contributions as CSV', () => {
  const env = serverPerFile();

  it('round-trips accents, quotes, commas, semicolons and line breaks, with a BOM for Excel', async () => {
    const session = await createSession(env.t.url, { title: 'Atelier CSV' });
    const author = await joinSession(env.t.url, session.joinCode, 'Zoé', 'elu');
    const texts = [
      'Créer un « café des aidants » à l’été',
      'Il a dit "on verra", puis rien',
      'Bus, train; vélo',
      'Première ligne\nDeuxième ligne',
    ];
    const client = connectYjsClient(env.t.wsUrl, session.id, { token: session.access.token });
    await whenSynced(client);
    client.records.set('shape:c1-atouts', zoneRecord('c1', 'atouts', 'Atouts', { x: 0, y: 0, w: 2000, h: 1000 }));
    texts.forEach((text, i) =>
      client.records.set(`shape:n${i}`, noteRecord(`n${i}`, text, { x: 50 + i * 220, y: 100 }, { participantId: author.participantId, college: 'elu' })),
    );
    await new Promise((r) => setTimeout(r, 300));
    client.destroy();

    const res = await fetch(`${env.t.url}/api/sessions/${session.id}/contributions.csv`, authed(session.access.token));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/csv; charset=utf-8/);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(bytes.toString('utf8').slice(1), { delimiter: ';', columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r.Contribution).sort()).toEqual([...texts].sort());
    expect(rows.every((r) => r.Zone === 'Atouts' && r['Collège'] === 'Élu·e' && r['Auteur·rice'] === 'Zoé')).toBe(true);

    const anonymous = await fetch(`${env.t.url}/api/sessions/${session.id}/contributions.csv?anonymous=1`, authed(session.access.token));
    expect(await anonymous.text()).not.toContain('Zoé');
  });

  it('escapes cells that a spreadsheet would run as formulas, whatever their first character', async () => {
    const session = await createSession(env.t.url, { title: 'Atelier formules' });
    const texts = ['=HYPERLINK("http://exemple.invalid";"clic")', '+33 6 12 34 56 78', '-2+3', '@SUM(1;2)', 'Sans risque'];
    const client = connectYjsClient(env.t.wsUrl, session.id, { token: session.access.token });
    await whenSynced(client);
    client.records.set('shape:c1-z', zoneRecord('c1', 'z', '=Zone', { x: 0, y: 0, w: 2000, h: 1000 }));
    texts.forEach((text, i) => client.records.set(`shape:f${i}`, noteRecord(`f${i}`, text, { x: 50 + i * 220, y: 100 })));
    await new Promise((r) => setTimeout(r, 300));
    client.destroy();

    const res = await fetch(`${env.t.url}/api/sessions/${session.id}/contributions.csv`, authed(session.access.token));
    const rows = parse((await res.text()).slice(1), { delimiter: ';', columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r.Contribution).sort()).toEqual(
      ["'=HYPERLINK(\"http://exemple.invalid\";\"clic\")", "'+33 6 12 34 56 78", "'-2+3", "'@SUM(1;2)", 'Sans risque'].sort(),
    );
    expect(rows.every((r) => r.Zone === "'=Zone")).toBe(true);
  });

  it('is for facilitators only', async () => {
    const session = await createSession(env.t.url);
    const participant = await joinSession(env.t.url, session.joinCode);
    const res = await fetch(`${env.t.url}/api/sessions/${session.id}/contributions.csv`, authed(participant.token));
    expect(res.status).toBe(403);
  });
});
