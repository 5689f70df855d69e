import { execFile } from 'node:child_process';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createSession } from '../helpers/api.js';
import { connectFacilitation, send, type FacilitationClient } from '../helpers/facilitationClient.js';
import { spawnInstance, type SpawnedInstance } from '../helpers/spawnInstance.js';
import { makeDataDir, removeDataDir, startTestServer } from '../helpers/startTestServer.js';
import { connectYjsClient, eventually, fakeNote, whenSynced, type YjsClient } from '../helpers/yjsClient.js';

/** The documented command (`npm run backup` / `npm run restore`), run from the sources. */
function tool(name: 'backup' | 'restore', file: string, dataDir: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', path.resolve(`server/tools/${name}.ts`), file],
      { env: { ...process.env, DATA_DIR: dataDir } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

const noteIds = (client: YjsClient) =>
  [...client.records.keys()].filter((k) => k.startsWith('shape:n')).map((k) => Number(k.slice('shape:n'.length)));

async function connectFacilitationState(url: string, sessionId: string, token: string) {
  const client = await connectFacilitation(url, sessionId, token);
  try {
    await eventually(() => expect(client.state()).toBeDefined());
    return client.state();
  } finally {
    client.close();
  }
}

describe('npm run backup and npm run restore', () => {
  const dirs: string[] = [];
  const clients: YjsClient[] = [];
  const facilitation: FacilitationClient[] = [];
  let instance: SpawnedInstance | undefined;
  afterAll(async () => {
    clients.forEach((c) => c.destroy());
    facilitation.forEach((c) => c.close());
    await instance?.kill();
    await Promise.all(dirs.map(removeDataDir));
  });

  it('archive a running server with a board being edited, and restore it whole into an empty folder', async () => {
    const dataDir = await makeDataDir();
    const backupDir = await makeDataDir();
    const restoredDir = path.join(await makeDataDir(), 'data');
    dirs.push(dataDir, backupDir, path.dirname(restoredDir));
    // Edits wait a second in memory: only the flush the backup asks for puts the last ones on disk in time.
    instance = await spawnInstance({ DATA_DIR: dataDir, PERSIST_FLUSH_INTERVAL_MS: '1000' });
    const session = await createSession(instance.url, { title: 'Atelier sauvegardé' });
    const writer = connectYjsClient(instance.wsUrl, session.id, { token: session.access.token });
    const witness = connectYjsClient(instance.wsUrl, session.id, { token: session.access.token });
    clients.push(writer, witness);
    await Promise.all([whenSynced(writer), whenSynced(witness)]);
    for (let i = 0; i < 30; i++) writer.records.set(`shape:n${i}`, fakeNote(`n${i}`, `avant ${i}`));
    await eventually(() => expect(noteIds(witness)).toHaveLength(30));
    // A second workshop's facilitation state, in its own file: it comes back with the restore.
    const paused = await createSession(instance.url, { title: 'Atelier en pause' });
    const pausing = await connectFacilitation(instance.url, paused.id, paused.access.token);
    facilitation.push(pausing);
    expect((await send(pausing.socket, 'pause:set', { paused: true })).ok).toBe(true);

    let next = 30;
    const during = setInterval(() => writer.records.set(`shape:n${next}`, fakeNote(`n${next}`, `pendant ${next++}`)), 5);
    const file = path.join(backupDir, 'trame.tar.gz');
    const backup = await tool('backup', file, dataDir);
    clearInterval(during);
    expect(backup.stderr).toBe('');
    expect(backup.code).toBe(0);
    expect(backup.stdout).toMatch(/Sauvegarde écrite .* le serveur en marche a écrit ses modifications avant la copie/);
    expect(next).toBeGreaterThan(30);

    const restore = await tool('restore', file, restoredDir);
    expect(restore.stderr).toBe('');
    // Two workshops, two boards.
    expect(restore.stdout).toMatch(/2 tableaux relus sans erreur/);

    const restored = await startTestServer({ dataDir: restoredDir });
    try {
      const session2 = await fetch(`${restored.url}/api/sessions/${session.id}`, {
        headers: { authorization: `Bearer ${session.access.token}` },
      });
      expect((await session2.json()).title).toBe('Atelier sauvegardé');
      const reader = connectYjsClient(restored.wsUrl, session.id, { token: session.access.token });
      clients.push(reader);
      await whenSynced(reader);
      const ids = noteIds(reader).sort((a, b) => a - b);
      // Everything before the backup began, then the edits made during it up to one moment: no gap.
      expect(ids.length).toBeGreaterThanOrEqual(30);
      expect(ids).toEqual([...Array(ids.length).keys()]);
      expect(reader.records.get('shape:n29')).toMatchObject({ props: expect.anything() });
      const pausedAgain = await connectFacilitation(restored.url, paused.id, paused.access.token);
      facilitation.push(pausedAgain);
      await eventually(() => expect(pausedAgain.state()).toMatchObject({ paused: true }));
      expect((await connectFacilitationState(restored.url, session.id, session.access.token))?.paused).toBe(false);
    } finally {
      await restored.close();
    }

    const again = await tool('restore', file, restoredDir);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/n'est pas vide/);
  }, 60_000);
});
