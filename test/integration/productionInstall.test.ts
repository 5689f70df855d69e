import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authed, createSession } from '../helpers/api.js';
import { builtClientDir } from '../helpers/clientDir.js';

const run = promisify(execFile);
const TOKEN = 'supervision-0123456789abcdef';

/**
 * What a deployer does: the built dist/ with package files, `npm ci --omit=dev`
 * (so nothing from devDependencies), then `npm start`. npm's cache makes the
 * install local; it takes 20-60 s on two busy cores.
 */
describe('a production install (npm ci --omit=dev && npm start)', () => {
  let dir: string;
  let child: ChildProcess;
  let url: string;

  beforeAll(async () => {
    builtClientDir();
    dir = mkdtempSync(path.join(os.tmpdir(), 'trame-prod-'));
    for (const entry of ['package.json', 'package-lock.json', 'dist', 'scripts']) cpSync(entry, path.join(dir, entry), { recursive: true });
    await run('npm', ['ci', '--omit=dev', '--prefer-offline', '--no-audit', '--no-fund'], { cwd: dir, timeout: 240_000 });
    child = spawn('npm', ['start'], {
      cwd: dir,
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: path.join(dir, 'data'), LOG_LEVEL: 'info', METRICS_TOKEN: TOKEN },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let output = '';
    child.stderr!.on('data', (chunk) => (output += chunk));
    const port = await new Promise<number>((resolve, reject) => {
      child.once('exit', (code) => reject(new Error(`npm start exited with ${code}: ${output}`)));
      readline.createInterface({ input: child.stdout! }).on('line', (line) => {
        output += `${line}\n`;
        if (!line.startsWith('{')) return;
        const entry = JSON.parse(line) as { port?: number };
        if (entry.port) resolve(entry.port);
      });
    });
    url = `http://127.0.0.1:${port}`;
  }, 300_000);

  afterAll(async () => {
    if (child?.pid && child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      process.kill(-child.pid, 'SIGTERM');
      await exited;
    }
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('has no development package installed', async () => {
    await expect(run('node', ['-e', "import('vite')"], { cwd: dir })).rejects.toThrow(/Cannot find (package|module)/);
    await expect(run('node', ['-e', "import('tsx')"], { cwd: dir })).rejects.toThrow(/Cannot find (package|module)/);
  });

  it('serves the client and exports a session report as PDF, timed in the metrics', async () => {
    expect(await (await fetch(`${url}/`)).text()).toContain('<div id="root">');
    const session = await createSession(url, { title: 'Atelier en production' });
    const res = await fetch(`${url}/api/sessions/${session.id}/report.pdf`, authed(session.access.token));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const pdf = Buffer.from(await res.arrayBuffer());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(5_000);
    const metrics = await (await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } })).text();
    expect(metrics).toMatch(/^trame_pdf_render_seconds_count\{outcome="ok"\} 1$/m);
  }, 120_000);
});
