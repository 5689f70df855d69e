/**
 * Persistence: several writers add notes as fast as their rate limit allows;
 * how many edits per second reach the board's log, and how many bytes each
 * costs there and, after compaction, in the snapshot.
 */
import { mkdtemp, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { readStoredBoard } from '../test/helpers/readStoredBoard.js';
import { spawnTrame } from '../test/helpers/spawnServer.js';
import { whenSynced } from '../test/helpers/yjsClient.js';
import { benchNote, connectToBoard, openBoard } from './benchClients.js';

export interface PersistenceResult {
  offeredEditsPerSecond: number;
  storedEditsPerSecond: number;
  edits: number;
  editsStored: number;
  logBytesPerEdit: number;
  snapshotBytesPerNote: number;
}

const WRITERS = 8;
/** Per writer: under the server's default 200 messages/s per connection. */
const EDITS_PER_SECOND = 100;

const sizeOf = (file: string) => stat(file).then((s) => s.size, () => 0);

export async function runPersistence(durationMs: number): Promise<PersistenceResult> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'trame-bench-disk-'));
  // No compaction during the run: the log then holds exactly what each edit cost to write.
  const server = await spawnTrame(dataDir, { env: { COMPACT_AFTER_BYTES: String(2 ** 40) } });
  const board = await openBoard(server, 'Écriture');
  const writers = Array.from({ length: WRITERS }, () => connectToBoard(server, board));
  await Promise.all(writers.map((w) => whenSynced(w)));
  const log = path.join(dataDir, 'boards', board.room, 'updates.log');

  const startedAt = performance.now();
  let edits = 0;
  await new Promise<void>((resolve) => {
    const tick = setInterval(() => {
      if (performance.now() - startedAt >= durationMs) {
        clearInterval(tick);
        resolve();
        return;
      }
      for (const [w, writer] of writers.entries()) {
        const id = `w${w}-${edits++}`;
        writer.records.set(`shape:${id}`, benchNote(id, edits));
      }
    }, 1000 / EDITS_PER_SECOND);
  });

  let size = await sizeOf(log);
  let lastGrowthAt = performance.now();
  while (performance.now() - lastGrowthAt < 1_500) {
    await new Promise((r) => setTimeout(r, 50));
    const now = await sizeOf(log);
    if (now !== size) lastGrowthAt = performance.now();
    size = now;
  }
  for (const w of writers) w.destroy();
  // A graceful stop compacts the log into the snapshot.
  await server.stop();
  const stored = await readStoredBoard(dataDir, board.room);
  const editsStored = [...stored.keys()].filter((k) => k.startsWith('shape:w')).length;
  const snapshot = await sizeOf(path.join(dataDir, 'boards', board.room, 'snapshot.bin'));
  return {
    offeredEditsPerSecond: (edits / durationMs) * 1000,
    storedEditsPerSecond: (editsStored / (lastGrowthAt - startedAt)) * 1000,
    edits,
    editsStored,
    logBytesPerEdit: size / edits,
    snapshotBytesPerNote: snapshot / editsStored,
  };
}
