import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession, joinSession } from '../helpers/api.js';
import { createTestSchema, hasPostgres, type TestSchema } from '../helpers/engines.js';
import { makeDataDir, removeDataDir, startTestServer } from '../helpers/startTestServer.js';
import { connectYjsClient, eventually, fakeNote, whenSynced } from '../helpers/yjsClient.js';

interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** The documented command, run as an operator would. */
function migrate(args: string[], databaseUrl: string | undefined): Promise<CommandResult> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: databaseUrl };
  if (!databaseUrl) delete env.DATABASE_URL;
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', path.resolve('server/tools/migrateEmbeddedToPg.ts'), ...args],
      { env },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe.skipIf(!hasPostgres)('npm run migrate:embedded-to-pg', () => {
  let schema: TestSchema;
  let dataDir: string;
  const dirs: string[] = [];

  beforeAll(async () => {
    schema = await createTestSchema();
    dataDir = await makeDataDir();
    dirs.push(dataDir);
  });

  afterAll(async () => {
    await schema.drop();
    await Promise.all(dirs.map(removeDataDir));
  });

  it('moves a folder written by an embedded server into PostgreSQL, where a server finds it whole', async () => {
    const embedded = await startTestServer({ dataDir });
    const first = await createSession(embedded.url, { title: 'Mobilité' });
    const second = await createSession(embedded.url, { title: 'Seniors' });
    await joinSession(embedded.url, first.joinCode, 'Dominique');
    const writer = connectYjsClient(embedded.wsUrl, first.id, { token: first.access.token });
    await whenSynced(writer);
    for (let i = 0; i < 20; i++) writer.records.set(`shape:n${i}`, fakeNote(`n${i}`, `idée ${i}`));
    writer.records.delete('shape:n3');
    const expected = writer.records.toJSON();
    const witness = connectYjsClient(embedded.wsUrl, first.id, { token: first.access.token });
    await eventually(() => expect(witness.records.toJSON()).toEqual(expected));
    witness.destroy();
    writer.destroy();
    await embedded.close();

    const run = await migrate(['--data-dir', dataDir], schema.url);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/sessions\s+2 dans le dossier, 2 copiés/);
    expect(run.stdout).toMatch(/tableaux\s+2 dans le dossier, 2 copiés, 0 déjà présents, 2 vérifiés identiques/);

    const scaled = await startTestServer({ dataDir: await makeDataDir(), databaseUrl: schema.url });
    dirs.push(scaled.dataDir);
    try {
      const res = await fetch(`${scaled.url}/api/sessions/${first.id}`, {
        headers: { authorization: `Bearer ${first.access.token}` },
      });
      expect(await res.json()).toMatchObject({ title: 'Mobilité' });
      const reader = connectYjsClient(scaled.wsUrl, first.id, { token: first.access.token });
      await whenSynced(reader);
      await eventually(() => expect(reader.records.toJSON()).toEqual(expected));
      reader.destroy();
      const other = connectYjsClient(scaled.wsUrl, second.id, { token: second.access.token });
      await whenSynced(other);
      expect(other.records.get('document:document')).toBeDefined();
      other.destroy();
    } finally {
      await scaled.close();
    }

    const again = await migrate(['--data-dir', dataDir], schema.url);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/sessions\s+2 dans le dossier, 0 copiés, 2 déjà présents/);
    expect(again.stdout).toMatch(/tableaux\s+2 dans le dossier, 0 copiés, 2 déjà présents, 2 vérifiés identiques/);
  });

  it('reports a record that differs from the one already in PostgreSQL, and fails', async () => {
    const file = path.join(dataDir, 'trame.json');
    const content = JSON.parse(await fs.readFile(file, 'utf8'));
    content.sessions[0].title = 'Titre modifié après coup';
    const changedDir = await makeDataDir();
    dirs.push(changedDir);
    await fs.writeFile(path.join(changedDir, 'trame.json'), JSON.stringify(content));
    const run = await migrate(['--data-dir', changedDir], schema.url);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(new RegExp(`sessions ${content.sessions[0].id} : déjà dans PostgreSQL avec un autre contenu`));
  });

  it.each([
    ['without --data-dir', [], true, /--data-dir manquante/],
    ['without DATABASE_URL', ['--data-dir', '.'], false, /DATABASE_URL manquante/],
    ['with an unknown option', ['--data', '.'], true, /Unknown option/],
    ['with a folder that does not exist', ['--data-dir', '/nulle/part'], true, /Dossier introuvable/],
  ])('refuses to run %s, saying why', async (_label, args, withDatabase, message) => {
    const run = await migrate(args, withDatabase ? schema.url : undefined);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
  });

  it('refuses a lowdb file it cannot map to records', async () => {
    const odd = await makeDataDir();
    dirs.push(odd);
    await fs.writeFile(path.join(odd, 'settings.json'), JSON.stringify({ theme: 'sombre' }));
    const run = await migrate(['--data-dir', odd], schema.url);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/settings\.json : « theme » n'est pas une liste d'enregistrements/);
  });
});
