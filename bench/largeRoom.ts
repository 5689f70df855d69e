/**
 * Rooms of a thousand and more, with light participants (bench/LightParticipant.ts):
 *
 *   npx tsx bench/largeRoom.ts --validate 50,300     light against full clients, half each, in one room
 *   npx tsx bench/largeRoom.ts --plenary 1000,2000   the plenary workload on Trame (and `--reference`): the 100
 *                                                    moving cursors on canvases, the others phones on their lists
 *   npx tsx bench/largeRoom.ts --plenary 2000 --all-on-canvas   the same, everyone on a canvas receiving cursors
 *   npx tsx bench/largeRoom.ts --plenary 2000 --clients-yield   the simulated people's processes at nice 10
 *   npx tsx bench/largeRoom.ts --plenary 2000 --profile DIR   the same, the server under `node --cpu-prof`
 *   npx tsx bench/largeRoom.ts --plenary 2000 --profile-clients DIR   the same, the simulated people's processes
 *
 * `--deflate-every N`: one simulated person in N offers compression, as browsers do (default 200; 0: none).
 * `--venue N` (default 10): every phone offers compression as browsers do; one in N reads plain frames and times
 * the edits (with those of `--deflate-every`), the others drain compressed frames unread (bench/DrainingSocket.ts).
 * `--venue 0`: every phone times every edit, reading plain frames (the server then writes six times the bytes).
 * `--seconds N` sets each load's length (default 30). Prints markdown rows with the host load.
 */
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { spawnReference, spawnTrame, type SpawnedServer } from '../test/helpers/spawnServer.js';
import { openBoard, workshopParams } from './benchClients.js';
import { runRoomLoad, type RoomLoadResult } from './roomLoad.js';

const arg = (name: string) => {
  const at = process.argv.indexOf(name);
  return at === -1 ? undefined : process.argv[at + 1];
};
const sizes = (name: string) => arg(name)?.split(',').map(Number) ?? [];
const seconds = Number(arg('--seconds') ?? 30);
const profileDir = arg('--profile');
const clientProfileDir = arg('--profile-clients');
const WORKERS = 2;

async function spawn(kind: 'trame' | 'reference'): Promise<SpawnedServer> {
  if (kind === 'reference') return spawnReference();
  const nodeArgs = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(profileDir)}`] : [];
  return spawnTrame(await mkdtemp(path.join(os.tmpdir(), 'trame-bench-large-')), { nodeArgs });
}

const phonesOnLists = !process.argv.includes('--all-on-canvas');
const clientsYield = process.argv.includes('--clients-yield');
const deflateEvery = arg('--deflate-every') === undefined ? undefined : Number(arg('--deflate-every'));
const timeEvery = Number(arg('--venue') ?? 10);

async function load(kind: 'trame' | 'reference', participants: number, options: { light: 'all' | 'half'; plenary: boolean }): Promise<RoomLoadResult> {
  const server = await spawn(kind);
  try {
    const board = await openBoard(server, 'Grande salle');
    const params = await workshopParams(server, board, participants);
    return await runRoomLoad(server, board.room, { participants, workers: WORKERS, durationMs: seconds * 1000, holdReceptions: true, workerProfileDir: clientProfileDir, phonesOnLists, clientsYield, deflateEvery, timeEvery, ...options }, params);
  } finally {
    // A graceful stop: the profile is written as the process exits.
    await server.stop();
  }
}

const log = (line: string) => process.stderr.write(`${line}\n`);
/** A phone's download: compressed as a browser receives it (the target), and plain for a client that offers no compression. */
const phoneDownload = (r: RoomLoadResult) => {
  const { deflated, plain } = r.phoneKBPerSecond;
  const kb = (n: number | undefined) => (n === undefined ? '–' : `${Math.round(n)} KB/s`);
  return `${kb(deflated)} (≤ 100: ${deflated !== undefined && deflated <= 100 ? 'yes' : 'no'}), plain ${kb(plain)}`;
};
const ms = (n: number) => `${Math.round(n)} ms`;

for (const n of sizes('--validate')) {
  log(`validation: ${n} participants, half light (${seconds} s, load ${os.loadavg()[0]!.toFixed(1)})…`);
  const r = await load('trame', n, { light: 'half', plenary: false });
  const v = r.validation!;
  const gap = Math.abs(v.delivery.light.p95 - v.delivery.full.p95);
  console.log(
    `| ${n} | ${v.fullClients} full + ${v.lightClients} light | ${r.edits} | ${v.completeFull} | ${v.completeLight} | ${v.disagreeing} | ${ms(v.delivery.full.p50)} / ${ms(v.delivery.full.p95)} | ${ms(v.delivery.light.p50)} / ${ms(v.delivery.light.p95)} | ${ms(gap)} | ${r.hostLoad.toFixed(1)} |`,
  );
}

for (const n of sizes('--plenary')) {
  for (const kind of process.argv.includes('--reference') ? (['trame', 'reference'] as const) : (['trame'] as const)) {
    log(`plenary: ${n} light participants on ${kind}, ${phonesOnLists ? 'phones on their lists' : 'all on canvases'} (${seconds} s, load ${os.loadavg()[0]!.toFixed(1)})…`);
    const r = await load(kind, n, { light: 'all', plenary: true });
    const target = n >= 2000 ? 250 : 150;
    console.log(
      `| ${n} | ${kind} | ${ms(r.fanOut.p50)} | ${ms(r.fanOut.p95)} | ${ms(r.fanOut.p99)} | < ${target} ms: ${r.fanOut.p95 < target && r.incompleteEdits === 0 ? 'yes' : 'no'} | ${r.incompleteEdits}/${r.edits} | ${Math.round(r.cursorsPerSecond)} | ${Math.round(r.serverCpuPercent)} % | ${Math.round(r.serverRssPeakMb)} MB | ${phoneDownload(r)} | ${Math.round(r.clientCpuPercent)} % | ${ms(r.clientLoopDelayP99Ms)} | ${r.hostLoad.toFixed(1)} |`,
    );
  }
}
process.exit(0);
