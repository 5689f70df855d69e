import { afterAll, describe, expect, it } from 'vitest';
import type { TemplateSummary } from '../../shared/templateApi.js';
import type { Template } from '../../shared/templateSchema.js';
import { createLogger } from '../../server/logger.js';
import { createPool } from '../../server/storage/createStores.js';
import { copyEmbeddedToPg } from '../../server/tools/copyEmbeddedToPg.js';
import { runMigrations } from '../../server/storage/runMigrations.js';
import { asDevice, createSession } from '../helpers/api.js';
import { connectFacilitation, send } from '../helpers/facilitationClient.js';
import { createTestSchema, hasPostgres, hasScaleOut } from '../helpers/engines.js';
import { removeDataDir, startTestServer, type TestServer } from '../helpers/startTestServer.js';
import { twoInstancesPerFile } from '../helpers/twoInstancesPerFile.js';
import { eventually } from '../helpers/yjsClient.js';

/** Importing a template file takes a facilitating device: one holding a session's facilitator token. */
async function post(t: TestServer, body: unknown): Promise<RequestInit> {
  const device = asDevice(await createSession(t.url, { title: 'Atelier de l’équipe' }));
  return { method: 'POST', headers: { 'content-type': 'application/json', ...device }, body: JSON.stringify(body) };
}

async function templateFile(t: TestServer, id: string, title: string): Promise<Template> {
  const builtIn = (await (await fetch(`${t.url}/api/templates/afom-du-territoire`)).json()) as Template;
  return { ...builtIn, id, title };
}

async function savedIds(t: TestServer): Promise<string[]> {
  const { templates } = (await (await fetch(`${t.url}/api/templates`)).json()) as { templates: TemplateSummary[] };
  return templates.filter((c) => !c.builtIn).map((c) => c.id);
}

describe.skipIf(!hasScaleOut)('saved templates with two instances on PostgreSQL', () => {
  const env = twoInstancesPerFile();

  it('shows on one instance a template saved on the other, and its replacement', async () => {
    const saved = await fetch(`${env.first.url}/api/templates`, await post(env.first, await templateFile(env.first, 'afom-commune', 'AFOM de la commune')));
    expect(saved.status).toBe(201);
    expect(await savedIds(env.second)).toEqual(['afom-commune']);
    expect(((await (await fetch(`${env.second.url}/api/templates/afom-commune`)).json()) as Template).title).toBe('AFOM de la commune');

    const replaced = await fetch(`${env.second.url}/api/templates`, await post(env.second, await templateFile(env.second, 'afom-commune', 'AFOM revue')));
    expect(replaced.status).toBe(200);
    expect(((await (await fetch(`${env.first.url}/api/templates/afom-commune`)).json()) as Template).title).toBe('AFOM revue');
    expect(await savedIds(env.first)).toEqual(['afom-commune']);
  });
});

describe.skipIf(!hasPostgres)('the embedded-to-PostgreSQL migration', () => {
  const cleanup: (() => Promise<unknown>)[] = [];
  afterAll(async () => {
    for (const step of cleanup.reverse()) await step();
  });

  /**
   * The embedded data folder copied into a fresh PostgreSQL schema by the migration, without problems, and an
   * instance started on that schema.
   */
  async function migrateToPostgres(dataDir: string) {
    const schema = await createTestSchema();
    cleanup.push(() => schema.drop());
    const pool = createPool(schema.url, createLogger({ logLevel: 'silent' }));
    cleanup.push(() => pool.end());
    await runMigrations(pool);
    const report = await copyEmbeddedToPg(dataDir, pool);
    expect(report.problems).toEqual([]);
    const scaled = await startTestServer({ databaseUrl: schema.url });
    cleanup.push(() => removeDataDir(scaled.dataDir), () => scaled.close());
    return { report, scaled };
  }

  it('carries the saved templates, which a PostgreSQL instance then lists', async () => {
    const embedded = await startTestServer();
    cleanup.push(() => removeDataDir(embedded.dataDir));
    const saved = await fetch(`${embedded.url}/api/templates`, await post(embedded, await templateFile(embedded, 'afom-maison', 'Notre AFOM')));
    expect(saved.status).toBe(201);
    await embedded.close();

    const { report, scaled } = await migrateToPostgres(embedded.dataDir);
    expect(report.collections.templates).toEqual({ inFolder: 1, copied: 1, alreadyPresent: 0 });

    expect(await savedIds(scaled)).toEqual(['afom-maison']);
    expect(((await (await fetch(`${scaled.url}/api/templates/afom-maison`)).json()) as Template).title).toBe('Notre AFOM');
  });

  it("carries each workshop's facilitation state from its own file", async () => {
    const embedded = await startTestServer();
    cleanup.push(() => removeDataDir(embedded.dataDir));
    const [paused, running] = [await createSession(embedded.url, { title: 'En pause' }), await createSession(embedded.url)];
    const pausing = await connectFacilitation(embedded.url, paused.id, paused.access.token);
    expect((await send(pausing.socket, 'pause:set', { paused: true })).ok).toBe(true);
    pausing.close();
    await embedded.close();

    const { report, scaled } = await migrateToPostgres(embedded.dataDir);
    expect(report.collections.facilitation?.copied).toBeGreaterThanOrEqual(1);

    for (const [session, expected] of [[paused, true], [running, false]] as const) {
      const client = await connectFacilitation(scaled.url, session.id, session.access.token);
      await eventually(() => expect(client.state()).toMatchObject({ paused: expected }));
      client.close();
    }
  });
});
