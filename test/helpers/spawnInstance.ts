/** A Trame server in its own process, as an operator starts it, so a test can kill -9 it. */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';

export interface SpawnedInstance {
  process: ChildProcess;
  url: string;
  wsUrl: string;
  /** SIGKILL: no flush, no goodbye; resolves once the process is gone. */
  kill(): Promise<void>;
}

export async function spawnInstance(env: Record<string, string>, timeoutMs = 60_000): Promise<SpawnedInstance> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.resolve('server/index.ts')], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`instance not ready in ${timeoutMs} ms: ${stderr}`)), timeoutMs);
    child.once('exit', (code) => reject(new Error(`instance exited with ${code}: ${stderr}`)));
    readline.createInterface({ input: child.stdout! }).on('line', (line) => {
      const entry = JSON.parse(line) as { port?: number };
      if (entry.port) {
        clearTimeout(timer);
        resolve(entry.port);
      }
    });
  });
  return {
    process: child,
    url: `http://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${port}/yjs`,
    kill: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGKILL');
      }),
  };
}
