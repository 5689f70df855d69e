/**
 * Cold join: a board of many shapes, and how long a newcomer waits to hold
 * all of it: with the board already in memory, and (Trame) just after a
 * restart, when the server must first read it from disk.
 */
import type { SpawnedServer } from '../test/helpers/spawnServer.js';
import { whenSynced } from '../test/helpers/yjsClient.js';
import { benchNote, connectToBoard, openBoard, timedJoin } from './benchClients.js';

export interface ColdJoinResult {
  shapes: number;
  /** Median of three joins while the board is loaded. */
  warmJoinMs: number;
  /** First join after a restart (Trame only): load from disk included. */
  coldJoinMs: number | undefined;
}

const SEED_BATCH = 250;

export async function runColdJoin(
  server: SpawnedServer,
  shapes: number,
  restart?: () => Promise<SpawnedServer>,
): Promise<{ result: ColdJoinResult; server: SpawnedServer }> {
  const board = await openBoard(server, 'Jointure à froid');
  const seeder = connectToBoard(server, board);
  await whenSynced(seeder);
  const base = seeder.records.size;
  for (let i = 0; i < shapes; i += SEED_BATCH) {
    seeder.doc.transact(() => {
      for (let j = i; j < Math.min(shapes, i + SEED_BATCH); j++) seeder.records.set(`shape:seed${j}`, benchNote(`seed${j}`, j));
    });
    await new Promise((r) => setImmediate(r));
  }
  const total = base + shapes;
  const warm: number[] = [];
  for (let i = 0; i < 4; i++) {
    const { ms, client } = await timedJoin(server, board, total);
    client.destroy();
    // The first join also waits for the seeder's updates to reach the server.
    if (i > 0) warm.push(ms);
  }
  seeder.destroy();
  warm.sort((a, b) => a - b);
  let coldJoinMs: number | undefined;
  if (restart) {
    server = await restart();
    const { ms, client } = await timedJoin(server, board, total);
    client.destroy();
    coldJoinMs = ms;
  }
  return { result: { shapes, warmJoinMs: warm[1]!, coldJoinMs }, server };
}
