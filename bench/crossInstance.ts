/**
 * Cross-instance room load (issue 10): the same room load (a) with every
 * participant on one Trame instance and (b) with the participants split half
 * and half over two instances sharing PostgreSQL and Redis, in the same run.
 * Both runs use the same engines (a fresh PostgreSQL schema, Redis), so the
 * difference is the relay between instances, not the storage.
 *
 * An instance relays an edit to the others only once it is stored, and it
 * stores every `PERSIST_FLUSH_INTERVAL_MS` (25 ms by default with Redis): that interval
 * bounds the cross-instance figure from below, so the result names it.
 *
 * `tsx bench/crossInstance.ts [--quick] [--persist-flush-ms 50]` prints a
 * table; `runCrossInstance` is for `bench/run.ts`.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../server/config.js';
import { createSession } from '../test/helpers/api.js';
import { createTestSchema, TEST_REDIS_URL } from '../test/helpers/engines.js';
import { spawnTrame, type SpawnedServer } from '../test/helpers/spawnServer.js';
import { workshopParams } from './benchClients.js';
import { runRoomLoad, type RoomLoadResult } from './roomLoad.js';

export interface CrossInstanceOptions {
  participants: number;
  /** Worker processes for the clients; even, so both instances get as many. */
  workers: number;
  durationMs: number;
  /** The instances' `PERSIST_FLUSH_INTERVAL_MS`; the server's default when absent. */
  persistFlushIntervalMs?: number;
  /** Called before each phase, for progress lines. */
  log?: (line: string) => void;
}

export interface CrossInstanceResult {
  participants: number;
  persistFlushIntervalMs: number;
  /** Every participant on one instance (PostgreSQL + Redis configured, no peer). */
  oneInstance: RoomLoadResult;
  /** Half the participants on each of two instances; `servers` holds each instance. */
  twoInstances: RoomLoadResult;
}

/** Starts `count` Trame instances on the same engines, runs `use`, then kills them and removes their data folders. */
async function withInstances<T>(
  count: number,
  env: Record<string, string>,
  use: (instances: SpawnedServer[]) => Promise<T>,
): Promise<T> {
  const dataDirs = await Promise.all(
    Array.from({ length: count }, () => mkdtemp(path.join(os.tmpdir(), 'trame-bench-cross-'))),
  );
  const started = await Promise.allSettled(dataDirs.map((dir) => spawnTrame(dir, { env })));
  const instances = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  try {
    const failed = started.find((s) => s.status === 'rejected');
    if (failed) throw failed.reason;
    return await use(instances);
  } finally {
    await Promise.all(instances.map((i) => i.kill()));
    await Promise.all(dataDirs.map((dir) => rm(dir, { recursive: true, force: true })));
  }
}

/** One room, loaded by `options.participants` clients spread over `instances` (worker i → instance i mod n). */
async function loadRoom(instances: SpawnedServer[], options: CrossInstanceOptions): Promise<RoomLoadResult> {
  const session = await createSession(instances[0]!.url, { title: 'Réunion publique' });
  const board = { room: session.id, params: { token: session.access.token }, joinCode: session.joinCode };
  return runRoomLoad(
    instances,
    session.id,
    { participants: options.participants, workers: options.workers, durationMs: options.durationMs, holdReceptions: true },
    await workshopParams(instances[0]!, board, options.participants),
  );
}

export async function runCrossInstance(options: CrossInstanceOptions): Promise<CrossInstanceResult> {
  if (options.workers % 2 !== 0) throw new Error('cross-instance: an even number of workers is needed');
  const schema = await createTestSchema();
  const env: Record<string, string> = { DATABASE_URL: schema.url, REDIS_URL: TEST_REDIS_URL };
  if (options.persistFlushIntervalMs) env.PERSIST_FLUSH_INTERVAL_MS = String(options.persistFlushIntervalMs);
  const flushMs = loadConfig(env).persistFlushIntervalMs;
  try {
    options.log?.(`cross-instance: ${options.participants} participants on one instance…`);
    const oneInstance = await withInstances(1, env, (instances) => loadRoom(instances, options));
    options.log?.(`cross-instance: ${options.participants} participants over two instances…`);
    const twoInstances = await withInstances(2, env, (instances) => loadRoom(instances, options));
    return { participants: options.participants, persistFlushIntervalMs: flushMs, oneInstance, twoInstances };
  } finally {
    await schema.drop();
  }
}

/** A Markdown table: one row per layout, fan-out latency then each instance's CPU and RSS. */
export function crossInstanceTable(result: CrossInstanceResult): string {
  const ms = (x: number) => (Number.isNaN(x) ? '–' : `${Math.round(x).toLocaleString('en')} ms`);
  const usage = (r: RoomLoadResult) =>
    r.servers.map((s) => `${Math.round(s.cpuPercent)} % / ${Math.round(s.rssPeakMb)} MB`).join(' + ');
  const row = (name: string, r: RoomLoadResult) =>
    `| ${name} | ${ms(r.fanOut.p50)} | ${ms(r.fanOut.p95)} | ${ms(r.fanOut.p99)} | ${r.edits} (${r.incompleteEdits}) | ` +
    `${usage(r)} | ${Math.round(r.clientCpuPercent)} % | ${ms(r.clientLoopDelayP99Ms)} | ${r.hostLoad.toFixed(1)} |`;
  return [
    `${result.participants} participants, PERSIST_FLUSH_INTERVAL_MS=${result.persistFlushIntervalMs}`,
    '',
    '| layout | fan-out p50 | p95 | p99 | edits (incomplete) | server CPU / RSS peak, each instance | clients CPU | client loop delay p99 | host load |',
    '|---|---|---|---|---|---|---|---|---|',
    row('one instance', result.oneInstance),
    row('two instances', result.twoInstances),
  ].join('\n');
}

if (import.meta.filename === path.resolve(process.argv[1] ?? '')) {
  const quick = process.argv.includes('--quick');
  const flushArg = process.argv.indexOf('--persist-flush-ms');
  const flushMs = flushArg > 0 ? Number(process.argv[flushArg + 1]) : undefined;
  if (flushMs !== undefined && !Number.isInteger(flushMs)) throw new Error('--persist-flush-ms attend un nombre de ms');
  const startedAt = performance.now();
  const log = (line: string) =>
    process.stderr.write(`[${((performance.now() - startedAt) / 1000).toFixed(0)} s] ${line}\n`);
  const result = await runCrossInstance({
    participants: quick ? 50 : 300,
    workers: 2,
    durationMs: quick ? 5_000 : 20_000,
    persistFlushIntervalMs: flushMs,
    log,
  });
  process.stdout.write(`${crossInstanceTable(result)}\n`);
  // As in run.ts: a handle a client library left open must not hold the process.
  process.exit(0);
}
