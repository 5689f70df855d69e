import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import type { Config } from '../../server/config.js';
import type { Step } from '../../shared/facilitation.js';
import { asDevice, authed, createSession } from '../helpers/api.js';
import { storageEngines } from '../helpers/engines.js';
import { connectFacilitation, send } from '../helpers/facilitationClient.js';
import { removeDataDir, startTestServer, type TestServer } from '../helpers/startTestServer.js';
import { eventually } from '../helpers/yjsClient.js';

type Raw = Record<string, unknown> & { id: string };

/** Reads and rewrites the stored session and facilitation records, engine by engine, while no server runs. */
interface StoredRecords {
  read(collection: 'sessions' | 'facilitation', id: string): Promise<Raw | undefined>;
  write(collection: 'sessions' | 'facilitation', record: Raw): Promise<void>;
  /** Makes the next start migrate again, as a database last opened by an older version. */
  rewind(): Promise<void>;
}

function embeddedRecords(dataDir: string): StoredRecords {
  const fileOf = { sessions: 'trame.json', facilitation: 'facilitation.json' } as const;
  // A file is written with its first record: before that, none.
  const load = async (collection: keyof typeof fileOf) =>
    (JSON.parse(await readFile(path.join(dataDir, fileOf[collection]), 'utf8').catch(() => `{"version":1,"${collection}":[]}`)) as Record<string, Raw[]>);
  return {
    // Today's folders hold a session's facilitation record in its own file; older ones, in facilitation.json.
    read: async (collection, id) =>
      (collection === 'facilitation'
        ? await readFile(path.join(dataDir, 'facilitation', `${id}.json`), 'utf8').then((text) => JSON.parse(text) as Raw, () => undefined)
        : undefined) ?? (await load(collection))[collection]!.find((r) => r.id === id),
    async write(collection, record) {
      const file = await load(collection);
      const others = file[collection]!.filter((r) => r.id !== record.id);
      await writeFile(path.join(dataDir, fileOf[collection]), JSON.stringify({ ...file, [collection]: [...others, record] }));
    },
    rewind: async () => undefined,
  };
}

function postgresRecords(url: string): StoredRecords {
  const query = async <T extends pg.QueryResultRow>(sql: string, values: unknown[] = []) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return (await client.query<T>(sql, values)).rows;
    } finally {
      await client.end();
    }
  };
  return {
    read: async (collection, id) =>
      (await query<{ data: Raw }>('SELECT data FROM metadata_records WHERE collection = $1 AND id = $2', [collection, id]))[0]?.data,
    write: async (collection, record) => {
      await query(
        'INSERT INTO metadata_records (collection, id, data) VALUES ($1, $2, $3) ON CONFLICT (collection, id) DO UPDATE SET data = $3',
        [collection, record.id, record],
      );
    },
    rewind: async () => {
      await query('DELETE FROM schema_migrations WHERE version >= 3');
    },
  };
}

const titles = (steps: { title: string }[] | undefined) => steps?.map((s) => s.title);

describe.each(storageEngines())('with the %s engine, the déroulé stored once', (_engine, engineConfig) => {
  const servers: TestServer[] = [];
  afterEach(async () => {
    for (const s of servers.splice(0)) {
      await s.close();
      await removeDataDir(s.dataDir);
    }
  });
  const start = async (overrides: Partial<Config> = {}) => {
    const t = await startTestServer({ ...engineConfig(), ...overrides });
    servers.push(t);
    return t;
  };
  const stored = (t: TestServer) => (t.config.databaseUrl ? postgresRecords(t.config.databaseUrl) : embeddedRecords(t.dataDir));

  it("opens data written when steps had two homes with the facilitator's steps, the canvas added since and the pause", async () => {
    const first = await start();
    const session = await createSession(first.url, { title: 'Atelier ancien', templateIds: ['afom-du-territoire', 'comment-pourrions-nous'] });
    const templateSteps = session.steps;
    const afom = templateSteps.filter((s) => s.templateId === 'afom-du-territoire');
    const added = templateSteps.filter((s) => s.templateId === 'comment-pourrions-nous');
    await first.close();
    servers.splice(servers.indexOf(first), 1);

    // The older shape: the session kept the templates' steps (no ids); facilitation its own copy, edited by
    // the facilitator, which had taken in the first template's steps only (the second canvas came later).
    const records = stored(first);
    const sessionRecord = (await records.read('sessions', session.id))!;
    await records.write('sessions', { ...sessionRecord, steps: templateSteps.map(({ id: _id, ...step }) => step) });
    const edited = [
      { id: 'ouvert', title: 'Ouverture', instruction: '', minutes: 0 },
      ...afom.map(({ templateId: _t, ...step }, i) => ({ ...step, id: `afom${i}` })),
    ];
    const facilitation = (await records.read('facilitation', session.id)) ?? { id: session.id };
    await records.write('facilitation', {
      ...facilitation,
      id: session.id,
      timer: null,
      steps: edited,
      importedSessionSteps: afom.length,
      currentStepId: 'afom0',
      stepLog: [{ stepId: 'afom0', startedAt: 1, endedAt: null }],
      paused: true,
      privateWriting: false,
      follow: null,
      vote: null,
      privateNotes: {},
    });
    await records.rewind();

    const reopened = await start({ dataDir: first.dataDir });
    const facilitator = await connectFacilitation(reopened.url, session.id, session.access.token);
    const expected = ['Ouverture', ...titles(afom)!, ...titles(added)!];
    await eventually(() => expect(titles(facilitator.state()?.steps)).toEqual(expected));
    expect(facilitator.state()).toMatchObject({ currentStep: 1, paused: true });
    const shown = await (await fetch(`${reopened.url}/api/sessions/${session.id}`, authed(session.access.token))).json();
    expect(titles(shown.steps)).toEqual(expected);
    const ids = (shown.steps as Step[]).map((s) => s.id);
    expect(new Set(ids).size).toBe(expected.length);
    facilitator.close();

    // Moved once: the facilitation record keeps no steps, and starting again changes nothing.
    const again = await reopened.restart();
    servers.splice(servers.indexOf(reopened), 1, again);
    const kept = (await records.read('facilitation', session.id))!;
    expect(kept).not.toHaveProperty('steps');
    expect(kept).not.toHaveProperty('importedSessionSteps');
    expect(kept).toMatchObject({ paused: true, currentStepId: 'afom0' });
    const after = await (await fetch(`${again.url}/api/sessions/${session.id}`, authed(session.access.token))).json();
    expect((after.steps as Step[]).map((s) => s.id)).toEqual(ids);
  });

  it("keeps the facilitator's edit in the session: shown, archived, duplicated, and its template kept", async () => {
    const t = await start();
    const session = await createSession(t.url, { title: 'Atelier', templateIds: ['afom-du-territoire'] });
    const facilitator = await connectFacilitation(t.url, session.id, session.access.token);
    await eventually(() => expect(facilitator.state()?.steps.length).toBeGreaterThan(0));
    const [firstStep, ...rest] = facilitator.state()!.steps;
    const steps = [{ ...firstStep!, title: 'Accueil revu', minutes: 0, voting: { budget: 5 } }, ...rest, { title: 'Clôture', instruction: '', minutes: 5 }];
    expect(await send(facilitator.socket, 'steps:set', { steps })).toEqual({ ok: true, data: undefined });
    facilitator.close();

    const shown = await (await fetch(`${t.url}/api/sessions/${session.id}`, authed(session.access.token))).json();
    expect(titles(shown.steps)).toEqual(titles(steps));
    expect(shown.steps[0]).toMatchObject({ id: firstStep!.id, templateId: 'afom-du-territoire', voting: { budget: 5 } });
    const duplicate = await (
      await fetch(`${t.url}/api/sessions/${session.id}/duplicate`, authed(session.access.token, { method: 'POST', body: '{}' }))
    ).json();
    expect(titles(duplicate.steps)).toEqual(titles(steps));

    const archive = await (await fetch(`${t.url}/api/sessions/${session.id}/archive`, authed(session.access.token))).json();
    expect(titles(archive.session.steps)).toEqual(titles(steps));
    const imported = await fetch(`${t.url}/api/sessions/import`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...asDevice(session) },
      body: JSON.stringify(archive),
    });
    expect(imported.status).toBe(201);
    expect(titles((await imported.json()).steps)).toEqual(titles(steps));
  });

  it('imports an archive made before the déroulé was editable, giving its steps ids', async () => {
    const t = await start();
    const session = await createSession(t.url, { title: 'Atelier', templateIds: ['afom-du-territoire'] });
    const archive = await (await fetch(`${t.url}/api/sessions/${session.id}/archive`, authed(session.access.token))).json();
    const older = { ...archive, session: { ...archive.session, steps: session.steps.map(({ id: _id, ...step }) => step) } };
    const res = await fetch(`${t.url}/api/sessions/import`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...asDevice(session) },
      body: JSON.stringify(older),
    });
    expect(res.status).toBe(201);
    const imported = await res.json();
    expect(titles(imported.steps)).toEqual(titles(session.steps));
    expect((imported.steps as Step[]).every((s) => typeof s.id === 'string' && s.templateId === 'afom-du-territoire')).toBe(true);
  });
});
