/**
 * Room load: N participants on one board, their clients split over worker
 * processes, against one server or several instances (worker i joins server
 * i mod n). Reports edit fan-out latency (send → the last other participant
 * received it) and each server's CPU and memory.
 */
import { fork, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import type { SpawnedServer } from '../test/helpers/spawnServer.js';
import { addToHistogram, emptyHistogram, quantile } from './percentiles.js';
import { watchProcess, type ProcessUsage } from './processStats.js';
import { readMarker } from './LightParticipant.js';
import { timesEdits, type FromWorker, type ToWorker, type WorkerGo, type WorkerResult } from './roomLoadProtocol.js';

export interface RoomLoadOptions {
  participants: number;
  workers: number;
  durationMs: number;
  /** Time receptions on arrival and apply them after the load (see ReceptionGate); otherwise live. */
  holdReceptions: boolean;
  /** Which participants are light (bench/LightParticipant.ts): none, all, or the second half (a validation run). */
  light?: 'none' | 'all' | 'half';
  /** The plenary workload: an edit every ~10 s each, 100 cursors moving all along at 10 Hz. */
  plenary?: boolean;
  /**
   * In the plenary, the people who move no cursor are phones on their list of ideas (as a phone starts), not
   * canvases: the server sends them no cursors. Off: everyone on a canvas, receiving the room's cursors.
   */
  phonesOnLists?: boolean;
  /** Where the worker processes write their CPU profiles (`node --cpu-prof`), if anywhere. */
  workerProfileDir?: string;
  /**
   * The simulated people's processes yield the CPU to the server (nice 10): on a 2-core host they take as much
   * CPU as the server, which a venue's phones never take from it.
   */
  clientsYield?: boolean;
  /**
   * One light participant in this many offers compression, as every browser does (0: none), to measure what a
   * phone downloads. Not all: ws inflates through one queue of ten zlib jobs per process, and inflating every
   * batch for 1,000 simulated phones per process took the host's cores from the server.
   */
  deflateEvery?: number;
  /** A venue's phones: all offer compression and one in this many times the edits (`timesEdits`); 0, off. */
  timeEvery?: number;
}

/** Light participants checked against full ones in one room: the same edits reach both, at comparable delays. */
export interface LightValidation {
  fullClients: number;
  lightClients: number;
  /** Edits every full client received, and every light one. */
  completeFull: number;
  completeLight: number;
  /** Edits complete for one kind and not the other. */
  disagreeing: number;
  delivery: { full: { p50: number; p95: number }; light: { p50: number; p95: number } };
}

export interface RoomLoadResult {
  participants: number;
  edits: number;
  /** Edits some participant never received within the drain time. */
  incompleteEdits: number;
  /** Fan-out latency: send → received by every other participant. */
  fanOut: { p50: number; p95: number; p99: number };
  /** Every single delivery. */
  delivery: { p50: number; p95: number };
  cursorsPerSecond: number;
  /** Summed over the servers. */
  serverCpuPercent: number;
  /** Summed over the servers. */
  serverRssPeakMb: number;
  /** Each server, in the order given. */
  servers: { cpuPercent: number; rssPeakMb: number }[];
  clientCpuPercent: number;
  clientLoopDelayP99Ms: number;
  /** With held receptions: CPU one participant's device spent applying them, per second of load. */
  deviceCpuMsPerSecond: number | undefined;
  /** With held receptions: what one participant's device downloads, per second of load (until 3 s after). */
  receivedKBPerSecond: number | undefined;
  /** What one phone on its list reads off the network a second, compressed if it offered compression, and plain. */
  phoneKBPerSecond: { deflated: number | undefined; plain: number | undefined };
  /** One-minute load average when the load began: what else the host was running. */
  hostLoad: number;
  light: 'none' | 'all' | 'half';
  plenary: boolean;
  validation: LightValidation | undefined;
}

const DEFLATE_EVERY = 200;
const LOAD: Omit<WorkerGo, 'type' | 'durationMs' | 'holdReceptions'> = { editIntervalMs: 2_000, cursorHz: 10, gestureMs: 1_000, steadyCursors: 0 };
const PLENARY: typeof LOAD = { editIntervalMs: 10_000, cursorHz: 10, gestureMs: 0, steadyCursors: 100 };

function startWorker(profileDir: string | undefined): ChildProcess {
  return fork(path.join(import.meta.dirname, 'roomLoadWorker.ts'), [], {
    execArgv: ['--import', 'tsx', ...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(profileDir)}`] : [])],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
}

function next(worker: ChildProcess, type: 'ready' | 'result', timeoutMs: number): Promise<FromWorker> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`worker: no ${type} within ${timeoutMs} ms`)), timeoutMs);
    const onMessage = (msg: FromWorker) => {
      if (msg.type !== type && msg.type !== 'error') return;
      clearTimeout(timer);
      worker.off('message', onMessage);
      if (msg.type === 'error') reject(new Error(msg.message));
      else resolve(msg);
    };
    worker.on('message', onMessage);
  });
}

/** What the load needs of a server: where clients connect, which process to measure. */
export type LoadTarget = Pick<SpawnedServer, 'wsUrl' | 'pid'>;

export async function runRoomLoad(
  target: LoadTarget | LoadTarget[],
  room: string,
  options: RoomLoadOptions,
  /** Each participant's provider `params` (its token on Trame), by index. */
  params: (index: number) => Record<string, string> = () => ({}),
): Promise<RoomLoadResult> {
  const servers = Array.isArray(target) ? target : [target];
  if (options.workers % servers.length !== 0) throw new Error('room load: workers must split evenly over servers');
  const light = options.light ?? 'none';
  if (options.holdReceptions && light !== 'all' && options.durationMs > 25_000) {
    // Held, the stock clients process nothing during the load: past 30 s their silence watchdog reconnects them.
    throw new Error('room load: stock clients with held receptions need a load of 25 s at most');
  }
  const workers = Array.from({ length: options.workers }, () => startWorker(options.workerProfileDir));
  if (options.clientsYield) for (const w of workers) os.setPriority(w.pid!, 10);
  const lightFrom = light === 'all' ? 0 : light === 'half' ? Math.ceil(options.participants / 2) : Infinity;
  const listFrom = options.plenary && options.phonesOnLists ? PLENARY.steadyCursors : Infinity;
  // Checked against the stock clients, which receive plain frames here (ReceptionGate), light ones do too.
  const timing = { listFrom, deflateEvery: options.deflateEvery ?? (light === 'half' ? 0 : DEFLATE_EVERY), timeEvery: options.timeEvery ?? 0 };
  try {
    const share = Math.ceil(options.participants / options.workers);
    await Promise.all(
      workers.map((w, i) => {
        const clients = Math.min(share, options.participants - i * share);
        const wsUrl = servers[i % servers.length]!.wsUrl;
        const firstIndex = i * share;
        const perClient = Array.from({ length: clients }, (_, k) => params(firstIndex + k));
        w.send({ type: 'start', wsUrl, room, params: perClient, firstIndex, clients, lightFrom, ...timing } satisfies ToWorker);
        return next(w, 'ready', 120_000);
      }),
    );
    const hostLoad = os.loadavg()[0]!;
    const usage = servers.map((s) => watchProcess(s.pid));
    const pending = Promise.all(
      workers.map((w) => {
        const load = options.plenary ? PLENARY : LOAD;
        w.send({ type: 'go', durationMs: options.durationMs, holdReceptions: options.holdReceptions, ...load } satisfies ToWorker);
        // Saturated clients work through their backlog long after the load ends.
        return next(w, 'result', options.durationMs + 300_000);
      }),
    );
    // The server is measured over the load itself, not over the clients' drain.
    await new Promise((r) => setTimeout(r, options.durationMs));
    const serverUsage = usage.map((u) => u.stop());
    const results = (await pending) as WorkerResult[];
    return {
      ...summarize(options, results, serverUsage, (index) => timesEdits(index, timing)),
      hostLoad,
      light,
      plenary: Boolean(options.plenary),
      validation: light === 'half' ? validate(results, lightFrom) : undefined,
    };
  } finally {
    for (const w of workers) if (w.connected) w.send({ type: 'stop' } satisfies ToWorker);
    else w.kill();
  }
}

function summarize(
  options: RoomLoadOptions,
  results: WorkerResult[],
  servers: ProcessUsage[],
  timing: (index: number) => boolean,
): Omit<RoomLoadResult, 'hostLoad' | 'light' | 'plenary' | 'validation'> {
  // Complete: every participant that times the edits received it, the sender apart.
  let timers = 0;
  for (let index = 0; index < options.participants; index++) if (timing(index)) timers += 1;
  const received = new Map<string, [number, number]>();
  const deliveries = emptyHistogram();
  for (const r of results) {
    for (const [id, count, at] of r.received) {
      const entry = received.get(id);
      if (entry) {
        entry[0] += count;
        entry[1] = Math.max(entry[1], at);
      } else received.set(id, [count, at]);
    }
    for (const [ms, count] of r.deliveries) deliveries[Math.min(ms, deliveries.length - 1)]! += count;
  }
  const fanOut = emptyHistogram();
  let edits = 0;
  let incompleteEdits = 0;
  for (const r of results) {
    for (const [id, sentAt] of r.sent) {
      edits += 1;
      const entry = received.get(id);
      if (!entry || entry[0] < timers - (timing(readMarker(id).sender) ? 1 : 0)) incompleteEdits += 1;
      else addToHistogram(fanOut, entry[1] - sentAt);
    }
  }
  const cursors = results.reduce((sum, r) => sum + r.cursorsSent, 0);
  return {
    participants: options.participants,
    edits,
    incompleteEdits,
    fanOut: { p50: quantile(fanOut, 0.5), p95: quantile(fanOut, 0.95), p99: quantile(fanOut, 0.99) },
    delivery: { p50: quantile(deliveries, 0.5), p95: quantile(deliveries, 0.95) },
    cursorsPerSecond: cursors / (options.durationMs / 1000),
    serverCpuPercent: servers.reduce((sum, s) => sum + s.cpuPercent, 0),
    serverRssPeakMb: servers.reduce((sum, s) => sum + s.rssPeakBytes, 0) / 2 ** 20,
    servers: servers.map((s) => ({ cpuPercent: s.cpuPercent, rssPeakMb: s.rssPeakBytes / 2 ** 20 })),
    clientCpuPercent: results.reduce((sum, r) => sum + r.cpuPercent, 0),
    clientLoopDelayP99Ms: Math.max(...results.map((r) => r.loopDelayP99Ms)),
    deviceCpuMsPerSecond: options.holdReceptions
      ? results.reduce((sum, r) => sum + r.replayCpuMs, 0) / options.participants / (options.durationMs / 1000)
      : undefined,
    receivedKBPerSecond:
      options.holdReceptions || options.light === 'all'
        ? results.reduce((sum, r) => sum + r.receivedBytes + r.receivedBytesLight, 0) / 1000 / options.participants / (options.durationMs / 1000)
        : undefined,
    phoneKBPerSecond: { deflated: perPhone(results, 'deflating', options.durationMs), plain: perPhone(results, 'plain', options.durationMs) },
  };
}

function perPhone(results: WorkerResult[], kind: 'deflating' | 'plain', durationMs: number): number | undefined {
  const count = results.reduce((sum, r) => sum + r.phones[kind].count, 0);
  const bytes = results.reduce((sum, r) => sum + r.phones[kind].bytes, 0);
  return count === 0 ? undefined : bytes / 1000 / count / (durationMs / 1000);
}

function merged(lists: [string, number, number][][]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const list of lists) for (const [id, count] of list) counts.set(id, (counts.get(id) ?? 0) + count);
  return counts;
}

function histogramOf(lists: [number, number][][]): { p50: number; p95: number } {
  const histogram = emptyHistogram();
  for (const list of lists) for (const [ms, count] of list) histogram[Math.min(ms, histogram.length - 1)]! += count;
  return { p50: quantile(histogram, 0.5), p95: quantile(histogram, 0.95) };
}

function validate(results: WorkerResult[], lightFrom: number): LightValidation {
  const fullClients = results.reduce((sum, r) => sum + r.fullClients, 0);
  const lightClients = results.reduce((sum, r) => sum + r.lightClients, 0);
  const all = merged(results.map((r) => r.received));
  const light = merged(results.map((r) => r.receivedLight));
  let completeFull = 0;
  let completeLight = 0;
  let disagreeing = 0;
  for (const r of results) {
    for (const [id] of r.sent) {
      const senderIsLight = Number(id.slice('EDIT#'.length, id.indexOf(':'))) >= lightFrom;
      const byLight = light.get(id) ?? 0;
      const full = (all.get(id) ?? 0) - byLight === fullClients - (senderIsLight ? 0 : 1);
      const lightDone = byLight === lightClients - (senderIsLight ? 1 : 0);
      if (full) completeFull += 1;
      if (lightDone) completeLight += 1;
      if (full !== lightDone) disagreeing += 1;
    }
  }
  return {
    fullClients,
    lightClients,
    completeFull,
    completeLight,
    disagreeing,
    delivery: { full: histogramOf(results.map((r) => r.deliveriesFull)), light: histogramOf(results.map((r) => r.deliveriesLight)) },
  };
}
