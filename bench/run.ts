/**
 * `npm run bench [-- --quick]`: Trame against the reference y-websocket
 * server under the loads of issue 7, every server a child process of this
 * one. Prints a summary and writes BENCHMARKS.md at the repository root.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { crashAndRecover } from '../test/helpers/crashRecovery.js';
import { fuzzWhileSyncing } from '../test/helpers/fuzzWhileSyncing.js';
import { spawnReference, spawnTrame, type SpawnedServer } from '../test/helpers/spawnServer.js';
import { runColdJoin, type ColdJoinResult } from './coldJoin.js';
import { runIdleCost } from './idleCost.js';
import { runPdfReport } from './pdfReport.js';
import { runPersistence } from './persistence.js';
import { openBoard, workshopParams } from './benchClients.js';
import { runRoomLoad, type RoomLoadResult } from './roomLoad.js';
import { runSearchBench } from './searchScenario.js';
import { crossInstanceTable, runCrossInstance } from './crossInstance.js';
import { benchReport, type BenchResults } from './benchReport.js';

const quick = process.argv.includes('--quick');
const plan = quick
  ? { participants: [50], roomMs: 3_000, shapes: 1_000, boards: 100, diskMs: 2_000, searchSessions: 200, searchRounds: 10, pdfTemplates: 3, pdfNotes: 60, crashClients: 0, fuzzFrames: 0 }
  : { participants: [50, 100, 300], roomMs: 20_000, shapes: 5_000, boards: 1_000, diskMs: 10_000, searchSessions: 1_000, searchRounds: 50, pdfTemplates: 14, pdfNotes: 500, crashClients: 100, fuzzFrames: 50_000 };
// `--rooms=300`: the room loads at these sizes only (the quick run's other loads unchanged), for a busy host.
const rooms = process.argv.find((a) => a.startsWith('--rooms='));
if (rooms) plan.participants = rooms.slice('--rooms='.length).split(',').map(Number);
// `--room-ms=20000`: each room load that long (a quick run's 3 s leaves its p95 to a handful of edits).
const roomMs = process.argv.find((a) => a.startsWith('--room-ms='));
if (roomMs) plan.roomMs = Number(roomMs.slice('--room-ms='.length));
// `--check-runs=N`: N checked and N unchecked room loads per size, in the order checked, unchecked, unchecked,
// checked… so neither kind always runs first (cold page cache, a host growing busier) and the ratio is of medians.
const checkRuns = process.argv.find((a) => a.startsWith('--check-runs='));
const CHECK_RUNS = checkRuns ? Math.max(1, Number(checkRuns.slice('--check-runs='.length))) : 2;
// `--profile=DIR`: CPU profiles of the checked servers (`node --cpu-prof`), to see where the checks' time goes.
const profileArg = process.argv.find((a) => a.startsWith('--profile='));
const profileDir = profileArg ? path.resolve(profileArg.slice('--profile='.length)) : undefined;
const WORKERS = 2;
const REPO = path.resolve(import.meta.dirname, '..');

const benchStart = performance.now();
const log = (line: string) => process.stderr.write(`[${((performance.now() - benchStart) / 1000).toFixed(0)} s] ${line}\n`);

async function withServer<T>(start: () => Promise<SpawnedServer>, use: (s: SpawnedServer) => Promise<T>): Promise<T> {
  const server = await start();
  try {
    return await use(server);
  } finally {
    // A profile is written only when the process exits on its own.
    await (profileDir ? server.stop() : server.kill());
  }
}

const startedAt = new Date();
const loadBefore = os.loadavg()[0]!;
const roomResults: BenchResults['rooms'] = [];
let reference: RoomLoadResult | undefined;
for (const participants of plan.participants) {
  const runs: Record<'checked' | 'unchecked', RoomLoadResult[]> = { checked: [], unchecked: [] };
  const order = Array.from({ length: CHECK_RUNS }, (_, i) => (i % 2 === 0 ? (['checked', 'unchecked'] as const) : (['unchecked', 'checked'] as const))).flat();
  for (const kind of [...order, 'reference' as const]) {
    log(`room load: ${participants} participants on ${kind === 'reference' ? kind : `trame ${kind}`}…`);
    const dataDir = async () => mkdtemp(path.join(os.tmpdir(), 'trame-bench-room-'));
    const start = async () =>
      kind === 'reference'
        ? spawnReference()
        : spawnTrame(await dataDir(), {
            env: kind === 'unchecked' ? { BOARD_UPDATE_CHECKS: 'off' } : {},
            nodeArgs: kind === 'checked' && profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [],
          });
    const result = await withServer(start, async (server) => {
      const board = await openBoard(server, 'Réunion publique');
      const params = await workshopParams(server, board, participants);
      return runRoomLoad(server, board.room, { participants, workers: WORKERS, durationMs: plan.roomMs, holdReceptions: true }, params);
    });
    if (kind === 'reference') reference = result;
    else {
      runs[kind].push(result);
      log(`  fan-out p50 ${Math.round(result.fanOut.p50)} ms, p95 ${Math.round(result.fanOut.p95)} ms, p99 ${Math.round(result.fanOut.p99)} ms, server CPU ${Math.round(result.serverCpuPercent)} %, host load ${result.hostLoad.toFixed(1)}`);
    }
  }
  roomResults.push({ trame: runs.checked[0]!, reference: reference!, checkRuns: runs });
}
const largest = plan.participants[plan.participants.length - 1]!;
let liveRoom: RoomLoadResult | undefined;
if (!quick) {
  log(`room load: ${largest} participants on trame, clients applying live…`);
  const start = async () => spawnTrame(await mkdtemp(path.join(os.tmpdir(), 'trame-bench-room-')));
  liveRoom = await withServer(start, async (server) => {
    const board = await openBoard(server, 'Réunion publique');
    const params = await workshopParams(server, board, largest);
    return runRoomLoad(server, board.room, { participants: largest, workers: WORKERS, durationMs: plan.roomMs, holdReceptions: false }, params);
  });
}

log(`cold join: ${plan.shapes} shapes…`);
const join: Partial<Record<'trame' | 'reference', ColdJoinResult>> = {};
{
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'trame-bench-join-'));
  let server = await spawnTrame(dataDir);
  const run = await runColdJoin(server, plan.shapes, async () => {
    await server.stop();
    server = await spawnTrame(dataDir);
    return server;
  });
  join.trame = run.result;
  await run.server.kill();
  join.reference = await withServer(spawnReference, async (s) => (await runColdJoin(s, plan.shapes)).result);
}

log(`idle cost: ${plan.boards} boards…`);
const idle = await runIdleCost(plan.boards);
log('persistence…');
const disk = await runPersistence(plan.diskMs);
log(`search: ${plan.searchSessions} sessions…`);
const search = await runSearchBench(plan.searchSessions, plan.searchRounds);
log(`PDF report: ${plan.pdfTemplates} canvases, ${plan.pdfNotes} notes…`);
const pdf = await runPdfReport(plan.pdfTemplates, plan.pdfNotes);
if ('skipped' in pdf) log(`PDF report skipped: ${pdf.skipped}`);
// Needs the PostgreSQL and Redis of the machine; without them the rest of the report still stands.
let cross = 'Not run (quick mode).';
if (!quick) {
  log(`cross-instance: ${largest} participants, one instance then two (PostgreSQL + Redis)…`);
  cross = await runCrossInstance({ participants: largest, workers: WORKERS, durationMs: plan.roomMs, log }).then(
    (result) => crossInstanceTable(result),
    (error: Error) => `Skipped: ${error.message}`,
  );
}
// The reliability tests of `npm test`, larger; the quick run leaves them to `npm test`.
let reliability: BenchResults['reliability'];
if (plan.crashClients > 0) {
  log(`kill -9 with ${plan.crashClients} clients…`);
  const crash = await crashAndRecover(plan.crashClients, 60_000);
  log(`${plan.fuzzFrames} hostile frames…`);
  reliability = { crash, fuzz: await fuzzWhileSyncing(plan.fuzzFrames) };
}

const results: BenchResults = {
  quick,
  startedAt,
  loadBefore,
  machine: {
    cpu: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown'}`,
    memoryGb: os.totalmem() / 2 ** 30,
    node: process.version,
    os: `${os.type()} ${os.release()}`,
  },
  roomMs: plan.roomMs,
  workers: WORKERS,
  rooms: roomResults,
  liveRoom,
  join: { trame: join.trame!, reference: join.reference! },
  idle,
  disk,
  search,
  pdf,
  reliability,
};
const base = benchReport(results);
const crossSection = `\n## Cross-instance (PostgreSQL + Redis)\n\nThe same room load with every client on one instance, then split over two instances sharing PostgreSQL and Redis (\`bench/crossInstance.ts\`).\n\n${cross}\n`;
const report = { summary: `${base.summary}\n${crossSection}`, markdown: `${base.markdown}${crossSection}` };
process.stdout.write(`${report.summary}\n`);
if (!quick) {
  await writeFile(path.join(REPO, 'BENCHMARKS.md'), report.markdown);
  log('BENCHMARKS.md written');
}
log('done');
// The run is over once the report is out; a handle a client library left open must not hold a CI job.
process.exit(0);
