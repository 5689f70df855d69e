/**
 * The kill -9 scenario, shared by the test (20 clients) and the bench (more):
 * clients edit, the server is killed before it writes the last edits, the
 * clients edit offline, the server restarts on the same port and data, and
 * the clients reconnect by themselves.
 */
import { createSession, joinSession } from './api.js';
import { readStoredBoard } from './readStoredBoard.js';
import { freePort, spawnTrame, type SpawnedServer } from './spawnServer.js';
import { makeDataDir, removeDataDir } from './startTestServer.js';
import { noteRecord } from './records.js';
import { connectYjsClient, eventually, whenSynced, type YjsClient } from './yjsClient.js';

export interface CrashRecoveryReport {
  edits: number;
  /** Edits the clients held at the kill that were not on disk: only the clients could bring them back. */
  unwrittenAtKill: number;
  /** Time from the restart until every client held every edit. */
  reconvergeMs: number;
  missingOnClients: number;
  missingOnFreshClient: number;
  missingStored: number;
}

export async function crashAndRecover(clientCount: number, timeoutMs = 20_000): Promise<CrashRecoveryReport> {
  const dataDir = await makeDataDir();
  const port = await freePort();
  // A long write-behind so that the last edits are still in memory at the kill. Each client is a participant of
  // its own: whichever reconnects first sends back others' notes the server lost, which must wait for their authors.
  const start = () => spawnTrame(dataDir, { port, env: { PERSIST_FLUSH_INTERVAL_MS: '1000' } });
  let server: SpawnedServer = await start();
  const clients: YjsClient[] = [];
  const expected: string[] = [];
  const missing = (records: { has(key: string): boolean }) => expected.filter((key) => !records.has(key)).length;
  const authors: { participantId: string; college: string }[] = [];
  // Signed by the writer's client, as Trame's client signs what a participant creates.
  const round = (label: string) =>
    clients.forEach((c, i) => {
      const key = `${label}-${i}`;
      c.records.set(`shape:${key}`, noteRecord(key, `${label} de ${i}`, { x: 0, y: 0 }, authors[i]!));
      expected.push(`shape:${key}`);
    });
  try {
    const { id, access, joinCode } = await createSession(server.url);
    const params = { token: access.token };
    for (let i = 0; i < clientCount; i++) {
      const grant = await joinSession(server.url, joinCode, `Participant ${i}`, 'habitant');
      authors.push({ participantId: grant.participantId, college: 'habitant' });
      clients.push(connectYjsClient(server.wsUrl, id, { token: grant.token }));
    }
    await Promise.all(clients.map((c) => whenSynced(c, timeoutMs)));

    round('written');
    const lastWritten = `shape:written-${clientCount - 1}`;
    await eventually(async () => {
      if (!(await readStoredBoard(dataDir, id)).has(lastWritten)) throw new Error('not written yet');
    }, timeoutMs);
    round('unwritten');
    const lastUnwritten = `shape:unwritten-${clientCount - 1}`;
    await eventually(() => {
      if (!clients[0]!.records.has(lastUnwritten)) throw new Error('not relayed yet');
    }, timeoutMs);
    await server.kill();
    const unwrittenAtKill = missing(await readStoredBoard(dataDir, id));

    round('offline');
    server = await start();
    const restartedAt = performance.now();
    await eventually(() => {
      if (clients.some((c) => missing(c.records) > 0)) throw new Error('clients not converged');
    }, timeoutMs).catch(() => undefined);
    const reconvergeMs = performance.now() - restartedAt;
    const missingOnClients = clients.reduce((sum, c) => sum + missing(c.records), 0);

    const fresh = connectYjsClient(server.wsUrl, id, params);
    clients.push(fresh);
    await whenSynced(fresh, timeoutMs);
    await eventually(() => {
      if (missing(fresh.records) > 0) throw new Error('fresh client incomplete');
    }, 5_000).catch(() => undefined);
    const missingOnFreshClient = missing(fresh.records);

    for (const c of clients.splice(0)) c.destroy();
    await server.stop();
    const missingStored = missing(await readStoredBoard(dataDir, id));
    return { edits: expected.length, unwrittenAtKill, reconvergeMs, missingOnClients, missingOnFreshClient, missingStored };
  } finally {
    for (const c of clients) c.destroy();
    await server.kill();
    await removeDataDir(dataDir);
  }
}

/**
 * Servers a test kills (`kill -9`) and starts again on the same port and data, with the long write-behind that
 * leaves the last edits in memory at the kill. `cleanUp` in the test's `afterEach`.
 */
export function killableServers() {
  const servers: SpawnedServer[] = [];
  const dataDirs: string[] = [];
  return {
    /** A fresh data folder and port; `start` starts a server on them, as often as called. */
    async prepare(): Promise<{ dataDir: string; start: () => Promise<SpawnedServer> }> {
      const dataDir = await makeDataDir();
      dataDirs.push(dataDir);
      const port = await freePort();
      const start = async () => {
        const server = await spawnTrame(dataDir, { port, env: { PERSIST_FLUSH_INTERVAL_MS: '1000' } });
        servers.push(server);
        return server;
      };
      return { dataDir, start };
    },
    async cleanUp(): Promise<void> {
      await Promise.all(servers.splice(0).map((s) => s.kill()));
      await Promise.all(dataDirs.splice(0).map(removeDataDir));
    },
  };
}
