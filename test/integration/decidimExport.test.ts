import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { authed, createSession, joinSession } from '../helpers/api.js';
import { noteRecord } from '../helpers/records.js';
import { serverPerFile } from '../helpers/serverPerFile.js';
import { connectYjsClient, whenSynced } from '../helpers/yjsClient.js';

describe('exporting suites as Decidim proposals', () => {
  const env = serverPerFile();

  it('gives one row per suite with the columns Decidim reads, parsed back with csv-parse, and a configurable category column', async () => {
    const { t } = env;
    const session = await createSession(t.url, { title: 'Atelier Decidim' });
    const zoe = await joinSession(t.url, session.joinCode, 'Zoé', 'elu');
    const board = connectYjsClient(t.wsUrl, session.id, { token: session.access.token });
    await whenSynced(board);
    board.records.set('shape:a', noteRecord('a', 'Des bancs, "à l’ombre"\nprès du marché', { x: 0, y: 0 }, { participantId: zoe.participantId, college: 'elu' }));
    board.records.set('shape:b', noteRecord('b', '=Une piste cyclable', { x: 400, y: 0 }));
    await new Promise((r) => setTimeout(r, 300));
    board.destroy();
    const base = `${t.url}/api/sessions/${session.id}`;
    const token = session.access.token;
    for (const noteId of ['shape:a', 'shape:b']) {
      expect((await fetch(`${base}/suites`, authed(token, { method: 'POST', body: JSON.stringify({ noteIds: [noteId] }) }))).status).toBe(201);
    }

    const res = await fetch(`${base}/export/decidim.csv?categoryColumn=taxonomies/id&categoryId=42&scopeId=7`, authed(token));
    expect(res.status).toBe(200);
    const text = await res.text();
    const rows = parse(text, { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual(['title/fr', 'body/fr', 'scope/id', 'address', 'latitude', 'longitude', 'taxonomies/id']);
    expect(rows).toHaveLength(2);
    expect(rows[0]!['body/fr']).toContain('Des bancs, "à l’ombre"\nprès du marché');
    expect(rows.every((r) => r['taxonomies/id'] === '42' && r['scope/id'] === '7')).toBe(true);
    expect(rows[1]!['title/fr']).toBe("'=Une piste cyclable");
    expect(text).not.toContain('Zoé');

    const json = (await (await fetch(`${base}/export/decidim.json`, authed(token))).json()) as Record<string, string>[];
    expect(json.map((r) => Object.keys(r))[0]).toEqual(['title/fr', 'body/fr', 'scope/id', 'address', 'latitude', 'longitude', 'category/id']);
    expect((await fetch(`${base}/export/decidim.csv?categoryColumn=DROP`, authed(token))).status).toBe(400);
    expect((await fetch(`${base}/export/decidim.csv`, authed(zoe.token))).status).toBe(403);
  });
});
