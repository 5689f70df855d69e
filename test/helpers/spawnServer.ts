/**
 * Servers under test as child processes: Trame itself (`server/index.ts`) or
 * the reference `@y/websocket-server`. A child can be killed with SIGKILL and
 * its CPU and memory read from /proc, neither of which an in-process server allows.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import net from 'node:net';
import path from 'node:path';

export interface SpawnedServer {
  kind: 'trame' | 'reference';
  child: ChildProcess;
  pid: number;
  port: number;
  /** HTTP base, e.g. `http://127.0.0.1:4100`. */
  url: string;
  /** What y-websocket's `WebsocketProvider` takes as server URL (the room name is appended). */
  wsUrl: string;
  /** SIGTERM, resolving once the process has exited (Trame writes every board first). */
  stop(): Promise<void>;
  /** SIGKILL: nothing is flushed. */
  kill(): Promise<void>;
}

export interface SpawnOptions {
  port?: number;
  /** Extra environment; Trame also needs `DATA_DIR`. */
  env?: Record<string, string>;
  /** Where the child's stdout and stderr go; discarded when absent. */
  logFile?: string;
  /** Node's own flags for the child, e.g. `--cpu-prof` (which NODE_OPTIONS refuses). */
  nodeArgs?: string[];
  /** Run the built server (`dist/server`, as `npm start` does) rather than the sources through tsx. */
  compiled?: boolean;
}

const REPO = path.resolve(import.meta.dirname, '../..');

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

export async function spawnTrame(dataDir: string, options: SpawnOptions = {}): Promise<SpawnedServer> {
  const port = options.port ?? (await freePort());
  const entry = options.compiled ? ['dist/server/index.js'] : ['--import', 'tsx', 'server/index.ts'];
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), ...entry], {
    cwd: REPO,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return started('trame', child, port, `/api/health`, `ws://127.0.0.1:${port}/yjs`, options.logFile);
}

export async function spawnReference(options: SpawnOptions = {}): Promise<SpawnedServer> {
  const port = options.port ?? (await freePort());
  const child = spawn(process.execPath, ['node_modules/@y/websocket-server/src/server.js'], {
    cwd: REPO,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return started('reference', child, port, '/', `ws://127.0.0.1:${port}`, options.logFile);
}

async function started(
  kind: SpawnedServer['kind'],
  child: ChildProcess,
  port: number,
  probePath: string,
  wsUrl: string,
  logFile: string | undefined,
): Promise<SpawnedServer> {
  const sink = logFile ? createWriteStream(logFile, { flags: 'a' }) : undefined;
  child.stdout?.on('data', (chunk) => sink?.write(chunk));
  child.stderr?.on('data', (chunk) => sink?.write(chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  // Generous: tsx compiles the server on start, slow on a loaded 2-core machine.
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${kind} server exited with ${child.exitCode} before listening`);
    try {
      const res = await fetch(url + probePath);
      if (res.status < 500 || res.status === 503) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${kind} server did not listen on ${port}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  const end = (signal: NodeJS.Signals) => async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
    sink?.end();
  };
  return { kind, child, pid: child.pid!, port, url, wsUrl, stop: end('SIGTERM'), kill: end('SIGKILL') };
}
