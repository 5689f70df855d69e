/**
 * The hostile-frames scenario, shared by the test and the bench: a Trame
 * child process takes `frames` hostile frames on one board's /yjs and on
 * /socket.io while two clients of another board keep editing, and a probe
 * edit crosses that board now and then.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createSession } from './api.js';
import { fuzzSocket, socketIoFrame, validMessages, yjsFrame, type Frame } from './hostileFrames.js';
import { spawnTrame } from './spawnServer.js';
import { makeDataDir, removeDataDir } from './startTestServer.js';
import { connectYjsClient, eventually, fakeNote, whenSynced } from './yjsClient.js';

export interface FuzzReport {
  frames: number;
  seconds: number;
  serverAlive: boolean;
  healthStatus: number;
  /** Slowest probe edit across the calm board during the fuzzing. */
  probeMaxMs: number;
  /** Both calm clients, and a late one, hold the same records, including every edit. */
  calmBoardConverged: boolean;
  /** Log lines naming a rejected /yjs message. */
  rejectionsLogged: number;
}

// The server closes a socket at its first bad message, so few frames per socket get most of them parsed.
const FRAMES_PER_SOCKET = 4;
const PARALLEL_SOCKETS = 8;
const MAX_MESSAGE_BYTES = 4_096;

export async function fuzzWhileSyncing(frames: number): Promise<FuzzReport> {
  const dataDir = await makeDataDir();
  const logFile = path.join(dataDir, 'server.log');
  const server = await spawnTrame(dataDir, { env: { MAX_MESSAGE_BYTES: String(MAX_MESSAGE_BYTES) }, logFile });
  const neighbour = await createSession(server.url, { title: 'Atelier voisin' });
  const params = { token: neighbour.access.token };
  const a = connectYjsClient(server.wsUrl, neighbour.id, params);
  const b = connectYjsClient(server.wsUrl, neighbour.id, params);
  const clients = [a, b];
  try {
    const target = await createSession(server.url, { title: 'Cible' });
    await Promise.all(clients.map((c) => whenSynced(c)));
    let edits = 0;
    const editing = setInterval(() => {
      const [writer, key] = edits % 2 === 0 ? [a, `a${edits}`] : [b, `b${edits}`];
      writer.records.set(`shape:${key}`, fakeNote(key, key));
      edits += 1;
    }, 20);

    const valid = validMessages();
    const socketIoUrl = `ws://127.0.0.1:${server.port}/socket.io/?EIO=4&transport=websocket`;
    const batches: { url: string; frames: Frame[] }[] = [];
    for (let sent = 0; sent < frames; sent += FRAMES_PER_SOCKET) {
      const onYjs = batches.length % 4 !== 3;
      const make = () => (onYjs ? yjsFrame(valid, MAX_MESSAGE_BYTES) : socketIoFrame());
      batches.push({ url: onYjs ? `${server.wsUrl}/${target.id}?token=${target.access.token}` : socketIoUrl, frames: Array.from({ length: FRAMES_PER_SOCKET }, make) });
    }
    let probeMaxMs = 0;
    const startedAt = performance.now();
    await Promise.all(
      Array.from({ length: PARALLEL_SOCKETS }, async (_, lane) => {
        for (let i = lane; i < batches.length; i += PARALLEL_SOCKETS) {
          await fuzzSocket(batches[i]!.url, batches[i]!.frames);
          if (i % 200 !== lane) continue;
          const probe = `probe${i}`;
          const sentAt = performance.now();
          a.records.set(`shape:${probe}`, fakeNote(probe, probe));
          await eventually(() => {
            if (!b.records.has(`shape:${probe}`)) throw new Error('probe not relayed');
          }, 10_000);
          probeMaxMs = Math.max(probeMaxMs, performance.now() - sentAt);
        }
      }),
    );
    const seconds = (performance.now() - startedAt) / 1000;
    clearInterval(editing);

    const serverAlive = server.child.exitCode === null && server.child.signalCode === null;
    const healthStatus = (await fetch(`${server.url}/api/health`)).status;
    const keys = (c: typeof a) => [...c.records.keys()].sort().join();
    const calmBoardConverged = await eventually(() => {
      if (keys(a) !== keys(b) || a.records.size <= edits) throw new Error('calm board not converged');
    }).then(
      async () => {
        const late = connectYjsClient(server.wsUrl, neighbour.id, params);
        clients.push(late);
        await whenSynced(late);
        return keys(late) === keys(a);
      },
      () => false,
    );
    const log = await readFile(logFile, 'utf8');
    const rejectionsLogged = (log.match(/malformed message|message too large|rate limit exceeded/g) ?? []).length;
    return { frames, seconds, serverAlive, healthStatus, probeMaxMs, calmBoardConverged, rejectionsLogged };
  } finally {
    for (const c of clients) c.destroy();
    await server.kill();
    await removeDataDir(dataDir);
  }
}
