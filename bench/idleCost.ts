/** Idle cost: memory of a Trame holding many stored boards, before and after each is opened once. */
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { spawnTrame, type SpawnedServer } from '../test/helpers/spawnServer.js';
import { boardSocketUrl, openBoard, type BenchBoard } from './benchClients.js';
import { sampleProcess } from './processStats.js';

export interface IdleCostResult {
  boards: number;
  rssAfterStartMb: number;
  rssAfterTouchMb: number;
  perLoadedBoardKb: number;
  touchAllMs: number;
}

const MB = 2 ** 20;

async function inParallel<T>(items: T[], lanes: number, run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: lanes }, async () => {
      while (next < items.length) await run(items[next++]!);
    }),
  );
}

/** Opens a board's socket and waits for the server's first sync message: by then the board is loaded. */
function touch(server: SpawnedServer, board: BenchBoard): Promise<void> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(boardSocketUrl(server, board));
    ws.once('message', () => {
      ws.close();
      resolve();
    });
    ws.once('error', reject);
    // A refused socket (4401) closes without a message: fail rather than wait forever.
    ws.once('close', (code) => reject(new Error(`board ${board.room} closed with ${code} before syncing`)));
  });
}

export async function runIdleCost(boards: number): Promise<IdleCostResult> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'trame-bench-idle-'));
  let server = await spawnTrame(dataDir);
  const ids = Array.from({ length: boards }, (_, i) => i);
  const created: BenchBoard[] = [];
  await inParallel(ids, 8, async (i) => {
    created.push(await openBoard(server, `Atelier ${i}`));
  });
  await server.stop();
  // Well beyond the time it takes to touch them all: every board is in memory at the second reading.
  server = await spawnTrame(dataDir, { env: { BOARD_UNLOAD_GRACE_MS: '600000' } });
  await new Promise((r) => setTimeout(r, 1_000));
  const afterStart = sampleProcess(server.pid).rssBytes;
  const startedAt = performance.now();
  await inParallel(created, 16, (board) => touch(server, board));
  const touchAllMs = performance.now() - startedAt;
  await new Promise((r) => setTimeout(r, 1_000));
  const afterTouch = sampleProcess(server.pid).rssBytes;
  await server.kill();
  return {
    boards,
    rssAfterStartMb: afterStart / MB,
    rssAfterTouchMb: afterTouch / MB,
    perLoadedBoardKb: (afterTouch - afterStart) / boards / 1024,
    touchAllMs,
  };
}
