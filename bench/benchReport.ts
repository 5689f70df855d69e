/** Turns bench results into the printed summary and BENCHMARKS.md. */
import type { CrashRecoveryReport } from '../test/helpers/crashRecovery.js';
import type { FuzzReport } from '../test/helpers/fuzzWhileSyncing.js';
import type { ColdJoinResult } from './coldJoin.js';
import type { IdleCostResult } from './idleCost.js';
import { PDF_AGAIN_TARGET_MS, PDF_FIRST_TARGET_MS, type ExportSplit, type PdfReportResult } from './pdfReport.js';
import type { PersistenceResult } from './persistence.js';
import type { RoomLoadResult } from './roomLoad.js';
import type { SearchBenchResult } from './searchScenario.js';

export interface BenchResults {
  quick: boolean;
  startedAt: Date;
  /** One-minute load average before the run: other work on the machine skews every figure. */
  loadBefore: number;
  machine: { cpu: string; memoryGb: number; node: string; os: string };
  roomMs: number;
  workers: number;
  /**
   * `trame`: the first checked run. `checkRuns`: every run with the checks of participants' updates on (as deployed)
   * and off (`BOARD_UPDATE_CHECKS=off`), interleaved, to price the checks.
   */
  rooms: { trame: RoomLoadResult; reference: RoomLoadResult; checkRuns: Record<'checked' | 'unchecked', RoomLoadResult[]> }[];
  /** The largest room again on Trame, its clients applying every message as it arrives. */
  liveRoom: RoomLoadResult | undefined;
  join: { trame: ColdJoinResult; reference: ColdJoinResult };
  idle: IdleCostResult;
  disk: PersistenceResult;
  search: SearchBenchResult;
  pdf: PdfReportResult;
  reliability: { crash: CrashRecoveryReport; fuzz: FuzzReport } | undefined;
}

function reliabilityTable(r: NonNullable<BenchResults['reliability']>): string {
  const { crash, fuzz } = r;
  return table(
    ['check', 'size', 'outcome'],
    [
      [
        'kill -9 while clients edit, restart, clients reconnect',
        `${crash.edits} edits`,
        `${crash.unwrittenAtKill} edits not on disk at the kill; every client whole again ${ms(crash.reconvergeMs)} after the restart; missing: ${crash.missingOnClients} on clients, ${crash.missingOnFreshClient} on a fresh client, ${crash.missingStored} on disk`,
      ],
      [
        'hostile frames on /yjs and /socket.io beside a syncing board',
        `${fuzz.frames} frames in ${fuzz.seconds.toFixed(1)} s`,
        `server ${fuzz.serverAlive ? 'up' : 'DOWN'}, health ${fuzz.healthStatus}, ${fuzz.rejectionsLogged} rejections logged, neighbouring board ${fuzz.calmBoardConverged ? 'converged' : 'NOT converged'}, slowest probe edit ${ms(fuzz.probeMaxMs)}`,
      ],
    ],
  );
}

/** The dashboard's search target (issue): every query's p95 under this on the bench machine. */
const SEARCH_TARGET_MS = 50;

function searchTable(search: SearchBenchResult): string {
  return table(
    ['query', 'results', 'p50', 'p95', `p95 < ${SEARCH_TARGET_MS} ms`],
    search.queries.map((q) => [`\`${q.query}\``, String(q.results), ms(q.p50Ms), ms(q.p95Ms), q.p95Ms < SEARCH_TARGET_MS ? 'yes' : 'no']),
  );
}

export function pdfTable(pdf: PdfReportResult): string {
  if ('skipped' in pdf) return `Not run: ${pdf.skipped}.`;
  const verdict = (v: number, target: number) => `${ms(v)} (target < ${target / 1000} s: ${v < target ? 'met' : 'missed'})`;
  return `${table(
    ['canvases', 'notes', 'first export (renderer prewarmed)', 'second export (unchanged)', 'after one note changed (warm render)', 'PDF size', 'pages', 'notes found in the text'],
    [[
      String(pdf.templates),
      String(pdf.notes),
      verdict(pdf.firstMs, PDF_FIRST_TARGET_MS),
      verdict(pdf.againMs, PDF_AGAIN_TARGET_MS),
      verdict(pdf.changedMs, PDF_AGAIN_TARGET_MS),
      `${(pdf.bytes / 2 ** 20).toFixed(1)} MB`,
      String(pdf.pages),
      `${pdf.notesInText}/${pdf.notes}`,
    ]],
  )}\n\n${pdfSplitTable(pdf.split)}\n\nHost load (1-minute average, ${pdf.load.cpus} CPUs, machine shared): ${pdf.load.before.toFixed(2)} before, ${pdf.load.after.toFixed(2)} after.`;
}

function pdfSplitTable(split: Extract<PdfReportResult, { split: unknown }>['split']): string {
  const row = (name: string, s: ExportSplit) => [name, ms(s.dataMs), ms(s.queueMs), ms(s.pageMs), ms(s.layoutMs), ms(s.printMs), ms(s.serverMs)];
  return `Where the time goes (server's marks; renderer warmed up at start in ${ms(split.warmUpMs)}):\n\n${table(
    ['export', 'report data', 'queue', 'renderer ready (warm-up still running, or a page opened)', 'layout', 'print (page.pdf)', 'in the server, all told'],
    [row('first', split.first), row('unchanged', split.again), row('after one change', split.changed)],
  )}`;
}

const ms = (v: number | undefined) => (v === undefined || Number.isNaN(v) ? '—' : `${Math.round(v)} ms`);
const pct = (v: number) => `${Math.round(v)} %`;
function ratio(a: number, b: number): string {
  const r = a / b;
  if (!(b > 0) || !Number.isFinite(r)) return '—';
  return `${r < 0.1 ? r.toPrecision(1) : r.toFixed(2)}×`;
}

function table(head: string[], rows: string[][]): string {
  return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

function roomRows(r: BenchResults): string[][] {
  return r.rooms.flatMap(({ trame, reference }) =>
    [trame, reference].map((x, i) => [
      String(x.participants),
      i === 0 ? 'Trame' : 'reference',
      ms(x.fanOut.p50),
      ms(x.fanOut.p95),
      ms(x.fanOut.p99),
      `${x.incompleteEdits}/${x.edits}`,
      String(Math.round(x.cursorsPerSecond)),
      pct(x.serverCpuPercent),
      `${Math.round(x.serverRssPeakMb)} MB`,
      pct(x.clientCpuPercent),
      ms(x.clientLoopDelayP99Ms),
      x.deviceCpuMsPerSecond === undefined ? '—' : `${x.deviceCpuMsPerSecond.toFixed(1)} ms/s`,
      x.receivedKBPerSecond === undefined ? '—' : `${Math.round(x.receivedKBPerSecond)} KB/s`,
      x.hostLoad.toFixed(1),
    ]),
  );
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length / 2;
  return Number.isInteger(mid) ? (sorted[mid - 1]! + sorted[mid]!) / 2 : sorted[Math.floor(mid)]!;
};

/** The price of checking participants' updates (issue 15: at most +20 % on the fan-out): each run, then the medians. */
function checkRows(r: BenchResults): string[][] {
  return r.rooms.flatMap(({ checkRuns: { checked, unchecked } }) => {
    const participants = String(checked[0]!.participants);
    const each = [...checked.map((x, i) => ['checked', i, x] as const), ...unchecked.map((x, i) => ['unchecked', i, x] as const)].map(
      ([kind, i, x]) => [
        participants,
        `${kind} ${i + 1}`,
        ms(x.fanOut.p50),
        ms(x.fanOut.p95),
        ms(x.fanOut.p99),
        pct(x.serverCpuPercent),
        `${x.incompleteEdits}/${x.edits}`,
        x.hostLoad.toFixed(1),
      ],
    );
    const of = (runs: RoomLoadResult[], pick: (x: RoomLoadResult) => number) => median(runs.map(pick));
    const p50 = (x: RoomLoadResult) => x.fanOut.p50;
    const p95 = (x: RoomLoadResult) => x.fanOut.p95;
    const p99 = (x: RoomLoadResult) => x.fanOut.p99;
    const cpu = (x: RoomLoadResult) => x.serverCpuPercent;
    const medians = [
      participants,
      '**median checked / unchecked**',
      `${ms(of(checked, p50))} / ${ms(of(unchecked, p50))} (${ratio(of(checked, p50), of(unchecked, p50))})`,
      `${ms(of(checked, p95))} / ${ms(of(unchecked, p95))} (**${ratio(of(checked, p95), of(unchecked, p95))}**)`,
      `${ms(of(checked, p99))} / ${ms(of(unchecked, p99))} (${ratio(of(checked, p99), of(unchecked, p99))})`,
      `${pct(of(checked, cpu))} / ${pct(of(unchecked, cpu))}`,
      '',
      '',
    ];
    return [...each, medians];
  });
}

function ratioRows(r: BenchResults): string[][] {
  return r.rooms.map(({ trame, reference }) => [
    String(trame.participants),
    ratio(trame.fanOut.p95, reference.fanOut.p95),
    ratio(trame.serverCpuPercent, reference.serverCpuPercent),
    trame.fanOut.p95 < 100 ? 'yes' : 'no',
  ]);
}

export function benchReport(r: BenchResults): { summary: string; markdown: string } {
  const rooms = table(
    ['participants', 'server', 'fan-out p50', 'p95', 'p99', 'incomplete edits', 'cursors/s sent', 'server CPU', 'server RSS peak', 'clients CPU', 'client loop delay p99', 'device CPU per participant', 'download per participant', 'host load'],
    roomRows(r),
  );
  const live = r.liveRoom
    ? `The same ${r.liveRoom.participants}-participant load on Trame with every client applying each message as it arrives, all
${r.liveRoom.participants} Yjs documents on this host: fan-out p95 ${ms(r.liveRoom.fanOut.p95)}, ${r.liveRoom.incompleteEdits}/${r.liveRoom.edits} incomplete, ${Math.round(r.liveRoom.cursorsPerSecond)} cursors/s sent, server CPU
${pct(r.liveRoom.serverCpuPercent)}, clients CPU ${pct(r.liveRoom.clientCpuPercent)}, client loop delay p99 ${ms(r.liveRoom.clientLoopDelayP99Ms)}. When the loop delay is far above the
fan-out, the simulation, not the server, sets that figure.`
    : 'Not run (quick mode): the same load with clients applying messages as they arrive.';
  const ratios = table(['participants', 'p95 Trame / reference', 'CPU Trame / reference', 'Trame p95 < 100 ms'], ratioRows(r));
  const checks = table(
    ['participants', 'run', 'fan-out p50', 'p95', 'p99', 'server CPU', 'incomplete edits', 'host load'],
    checkRows(r),
  );
  const join = table(
    ['server', 'shapes', 'join, board in memory', 'join after restart (read from disk)'],
    [
      ['Trame', String(r.join.trame.shapes), ms(r.join.trame.warmJoinMs), ms(r.join.trame.coldJoinMs)],
      ['reference', String(r.join.reference.shapes), ms(r.join.reference.warmJoinMs), '— (no persistence)'],
    ],
  );
  const idle = table(
    ['stored boards', 'RSS after start', 'RSS after opening each once', 'per loaded board', 'time to open all'],
    [[
      String(r.idle.boards),
      `${Math.round(r.idle.rssAfterStartMb)} MB`,
      `${Math.round(r.idle.rssAfterTouchMb)} MB`,
      `${Math.round(r.idle.perLoadedBoardKb)} KB`,
      ms(r.idle.touchAllMs),
    ]],
  );
  const disk = table(
    ['edits offered/s', 'edits stored/s', 'stored / sent', 'log bytes per edit', 'snapshot bytes per note'],
    [[
      String(Math.round(r.disk.offeredEditsPerSecond)),
      String(Math.round(r.disk.storedEditsPerSecond)),
      `${r.disk.editsStored}/${r.disk.edits}`,
      String(Math.round(r.disk.logBytesPerEdit)),
      String(Math.round(r.disk.snapshotBytesPerNote)),
    ]],
  );
  const reliability = r.reliability ? reliabilityTable(r.reliability) : 'Not run (quick mode).';
  const search = searchTable(r.search);
  const pdf = pdfTable(r.pdf);
  const summary = [rooms, live, ratios, checks, join, idle, disk, search, pdf, reliability].join('\n\n');
  const markdown = `# Benchmarks

Measured with \`npm run bench\` (\`bench/run.ts\`) on ${r.startedAt.toISOString()}${r.quick ? ' (quick mode)' : ''}.
Figures from one run on one machine; read them as orders of magnitude and compare rows of the same run.

## Machine

- CPU: ${r.machine.cpu}
- Memory: ${r.machine.memoryGb.toFixed(1)} GiB
- ${r.machine.os}, Node ${r.machine.node}
- Load average (1 min) before the run: ${r.loadBefore.toFixed(2)}. Servers, simulated clients and any other work
  share these cores.

## Room load

N participants on one board for ${r.roomMs / 1000} s, each a stock y-websocket client (split over ${r.workers} worker
processes) that adds or moves one of its notes every ~2 s (±25 %) and sends its cursor at 10 Hz during the second
before each edit (a drag), as the slimmed tldraw presence Trame's client sends (about 250 bytes). Like Trame's
browser client, each sends only its own cursor (the stock provider would send back every cursor it receives). **Fan-out** is the time from an edit's send to its arrival at *every* other
participant's socket (clocks shared: same machine); an edit not received by all within 3 s of the end counts as
incomplete.

What each participant receives during the load is timed as its frame arrives and applied to its Yjs document
after the load (\`bench/ReceptionGate.ts\`). Applying 150 edits/s in each of 300 documents needs more CPU than this
host has beside the server, and a real participant applies them on a device of its own: **device CPU per
participant** is that replay's cost, per participant and per second of workshop, measured on this host's CPU;
**download per participant** is what each participant's socket received, per second of workshop.

Server CPU is the server process's own (100 % = one core), from /proc. *Clients CPU* and *client loop delay* show
whether the simulated clients kept up with their sockets; *host load* is the one-minute load average as the load
began (above the number of cores, other work was competing for them).

${rooms}

${live}

${ratios}

### The price of checking participants' edits

The same room load on Trame with the server's checks of participants' updates on (as deployed) and off
(\`BOARD_UPDATE_CHECKS=off\`), in the same run, interleaved (checked, unchecked, unchecked, checked…) so neither
always runs first; the last row compares the medians of the runs. Every participant's edit is a valid tldraw note signed as
Trame's client signs it, validated and its ownership checked (\`server/collaboration/guardPeerUpdate.ts\`).

${checks}

The reference is \`@y/websocket-server\` 0.1.1 without persistence and without any access check; Trame checks the
board on every connection, enforces limits, and appends every edit to disk.

## Cold join

A board of ${r.join.trame.shapes} notes; time for a new stock client to hold all of them (median of three joins while
the board is loaded; for Trame also the first join after a restart, which reads the board from disk).

${join}

## Idle cost

${r.idle.boards} stored boards; server RSS once started, then after opening each board once (all stay loaded:
grace period raised for the measure).

${idle}

## Persistence

8 writers each add a note every 10 ms (under the 200 messages/s per-connection limit); compaction held off so the
log shows what each edit costs to write. *Edits stored/s* counts edits found on disk afterwards over the time until
the log stopped growing. *Snapshot bytes per note* is after the graceful stop compacts the log.

${disk}

## Search

The dashboard's \`GET /api/sessions?…\` over ${r.search.sessions} described sessions (themes, territory, summary) each
holding 40 notes of text, on an in-process server; each query asked ${r.search.rounds} times in a row. Target:
p95 under ${SEARCH_TARGET_MS} ms.

${search}

## PDF report

\`GET /api/sessions/:id/report.pdf\` (facilitator's token) of a session drawn with ${'skipped' in r.pdf ? 'many' : r.pdf.templates}
library templates and covered with notes spread over their zones, written through a stock y-websocket client. Trame
serves the built client; the server hands the report's data to a warm headless Chromium page, which lays it out
(canvases drawn from the stored records, no tldraw, no board sync) and prints it. The first export finds
Chromium started with the server (\`REPORT_PREWARM=1\`, as deployed for reports); the second, of the unchanged session, comes from the report cache; the third follows one edited note (a
full render on the warm page). Pages counted by \`pdfinfo\`, note texts searched with \`pdftotext\`.

${pdf}

## Reliability, larger than in \`npm test\`

${reliability}
`;
  return { summary, markdown };
}
