import { afterEach, describe, expect, it } from 'vitest';
import { createSession } from '../helpers/api.js';
import { readStoredBoard } from '../helpers/readStoredBoard.js';
import { freePort, spawnTrame, type SpawnedServer } from '../helpers/spawnServer.js';
import { makeDataDir, removeDataDir } from '../helpers/startTestServer.js';
import { connectYjsClient, eventually, fakeNote, whenSynced, type YjsClient } from '../helpers/yjsClient.js';

const CLIENTS = 20;

describe('a server killed with SIGKILL while participants edit', () => {
  let server: SpawnedServer | undefined;
  let dataDir: string;
  const clients: YjsClient[] = [];
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy();
    await server?.kill();
    await removeDataDir(dataDir);
  });

  it('gets back every edit from the reconnecting clients, including those it had not written', async () => {
    dataDir = await makeDataDir();
    const port = await freePort();
    // A long write-behind so that the last edits are still in memory at the kill.
    const start = () => spawnTrame(dataDir, { port, env: { PERSIST_FLUSH_INTERVAL_MS: '1000' } });
    server = await start();
    const { id } = await createSession(server.url);
    for (let i = 0; i < CLIENTS; i++) clients.push(connectYjsClient(server.wsUrl, id));
    await Promise.all(clients.map((c) => whenSynced(c)));

    const expected: string[] = [];
    const round = (label: string) =>
      clients.forEach((c, i) => {
        const key = `${label}-${i}`;
        c.records.set(`shape:${key}`, fakeNote(key, `${label} de ${i}`));
        expected.push(`shape:${key}`);
      });
    round('written');
    await eventually(async () => {
      const stored = await readStoredBoard(dataDir, id);
      expect(stored.has(`shape:written-${CLIENTS - 1}`)).toBe(true);
    });
    round('unwritten');
    await eventually(() => expect(clients[0]!.records.has(`shape:unwritten-${CLIENTS - 1}`)).toBe(true));
    await server.kill();

    const onDisk = await readStoredBoard(dataDir, id);
    expect(onDisk.has('shape:written-0')).toBe(true);
    expect(expected.filter((key) => !onDisk.has(key)).length).toBeGreaterThan(0);

    round('offline');
    server = await start();
    await eventually(() => {
      for (const c of clients) for (const key of expected) expect(c.records.has(key)).toBe(true);
    }, 20_000);
    const fresh = connectYjsClient(server.wsUrl, id);
    clients.push(fresh);
    await whenSynced(fresh);
    await eventually(() => expect(expected.filter((key) => !fresh.records.has(key))).toEqual([]));

    for (const c of clients.splice(0)) c.destroy();
    await server.stop();
    const stored = await readStoredBoard(dataDir, id);
    expect(expected.filter((key) => !stored.has(key))).toEqual([]);
  });
});
