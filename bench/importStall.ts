/**
 * `npx tsx bench/importStall.ts [--quick]`: how long the server stops answering while it imports a session
 * archive near its size limit (issue 16: never more than 100 ms). A probe asks `GET /api/health` back to back
 * from before the upload starts until the import is answered; the figure is the slowest probe answer during the
 * import beside the slowest before it. The server is a child process (the built one: `npm run build` first), so the
 * probe measures its event loop only.
 */
import http from 'node:http';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { createBoardState } from '../server/board/createBoardState.js';
import { ARCHIVE_FORMAT, ARCHIVE_VERSION } from '../shared/archiveSchema.js';
import { boardRecords } from '../shared/boardLayout.js';
import { apiPaths } from '../shared/paths.js';
import { asDevice, createSession } from '../test/helpers/api.js';
import { noteRecord } from '../test/helpers/records.js';
import { spawnTrame } from '../test/helpers/spawnServer.js';

const TARGET_MS = 100;
const quick = process.argv.includes('--quick');
/** About 600 bytes of archive a note: 40,000 make some 48 MB, just under the 50 MB limit. */
const NOTES = quick ? 5_000 : 40_000;

function archive(): string {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, createBoardState());
  const filler = 'Une idée longue pour remplir le tableau. '.repeat(12);
  doc.transact(() => {
    for (let i = 0; i < NOTES; i++) boardRecords(doc).set(`shape:n${i}`, noteRecord(`n${i}`, `${i} ${filler}`, { x: i % 300, y: i }));
  });
  const now = new Date().toISOString();
  return JSON.stringify({
    format: ARCHIVE_FORMAT,
    version: ARCHIVE_VERSION,
    exportedAt: now,
    session: { title: 'Grand atelier importé', createdAt: now, status: 'finished', colorByCollege: true, participants: [] },
    board: Buffer.from(Y.encodeStateAsUpdate(doc)).toString('base64'),
  });
}

/** The value below which `p` % of `values` lie. */
function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/** Sends the bytes in chunks, with backpressure: one large write would stall this process, and its probe with it. */
function post(url: string, body: Buffer, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    let offset = 0;
    const write = () => {
      while (offset < body.length) {
        const chunk = body.subarray(offset, offset + 64 * 1024);
        offset += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', write);
      }
      req.end();
    };
    write();
  });
}

/** Probes until `until` resolves: the time each answer took, in ms. */
async function probe(url: string, until: Promise<unknown>): Promise<number[]> {
  let done = false;
  void until.finally(() => (done = true));
  const times: number[] = [];
  while (!done) {
    const started = performance.now();
    await (await fetch(url)).arrayBuffer();
    times.push(performance.now() - started);
    if (process.env.STALL_TRACE && times[times.length - 1]! > 50) process.stderr.write(`slow probe at ${started.toFixed(0)} ms: ${times[times.length - 1]!.toFixed(0)} ms\n`);
  }
  return times;
}

const body = Buffer.from(archive());
// As deployed: the built server, whose archive worker starts without compiling TypeScript.
// `--profile DIR`: the server's CPU profiles (`node --cpu-prof`), written when it stops.
const profileAt = process.argv.indexOf('--profile');
const profileDir = profileAt > -1 ? path.resolve(process.argv[profileAt + 1]!) : undefined;
const server = await spawnTrame(await mkdtemp(path.join(os.tmpdir(), 'trame-bench-import-')), {
  compiled: true,
  ...(profileDir ? { nodeArgs: ['--cpu-prof', '--cpu-prof-dir', profileDir] } : {}),
});
try {
  const source = await createSession(server.url, { title: 'Atelier de cet appareil' });
  const health = `${server.url}${apiPaths.health}`;
  const before = await probe(health, new Promise((r) => setTimeout(r, 2_000)));
  const started = performance.now();
  if (process.env.STALL_TRACE) process.stderr.write(`import starts at ${started.toFixed(0)} ms\n`);
  const importing = post(`${server.url}${apiPaths.sessionImport}`, body, asDevice(source));
  const during = await probe(health, importing);
  const status = await importing;
  const ms = (n: number) => `${n.toFixed(0)} ms`;
  process.stdout.write(
    [
      `Archive import stall (${(body.length / 1e6).toFixed(1)} MB, ${NOTES} notes; load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores)`,
      `| | probes | p50 | p99 | slowest | target |`,
      `|---|---|---|---|---|---|`,
      `| before the import | ${before.length} | ${ms(percentile(before, 50))} | ${ms(percentile(before, 99))} | ${ms(Math.max(...before))} | |`,
      `| during the import (${ms(performance.now() - started)}, answered ${status}) | ${during.length} | ${ms(percentile(during, 50))} | ${ms(percentile(during, 99))} | ${ms(Math.max(...during))} | ≤ ${TARGET_MS} ms |`,
    ].join('\n') + '\n',
  );
} finally {
  // A profile is written only by a server that stops of itself.
  await (profileDir ? server.stop() : server.kill());
}
process.exit(0);
