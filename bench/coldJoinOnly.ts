/**
 * `npx tsx bench/coldJoinOnly.ts [--shapes 5000] [--profile DIR]`: only the cold join of `npm run bench`, Trame
 * and the reference in the same run, with the host load; `--profile` runs Trame under `node --cpu-prof`.
 */
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { spawnReference, spawnTrame } from '../test/helpers/spawnServer.js';
import { runColdJoin } from './coldJoin.js';

const arg = (name: string) => {
  const at = process.argv.indexOf(name);
  return at === -1 ? undefined : process.argv[at + 1];
};
const shapes = Number(arg('--shapes') ?? 5_000);
const profileDir = arg('--profile');
const nodeArgs = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(profileDir)}`] : [];

const loadBefore = os.loadavg()[0]!;
const dataDir = await mkdtemp(path.join(os.tmpdir(), 'trame-bench-join-'));
let trame = await spawnTrame(dataDir, { nodeArgs });
const run = await runColdJoin(trame, shapes, async () => {
  await trame.stop();
  trame = await spawnTrame(dataDir, { nodeArgs });
  return trame;
});
await run.server.stop();
const reference = await spawnReference();
const ref = (await runColdJoin(reference, shapes)).result;
await reference.kill();
const t = run.result;
const ratio = t.warmJoinMs / ref.warmJoinMs;
console.log(`| ${shapes} | ${Math.round(t.warmJoinMs)} ms | ${Math.round(ref.warmJoinMs)} ms | ${ratio.toFixed(2)}× (≤ 1.2×: ${ratio <= 1.2 ? 'yes' : 'no'}) | ${Math.round(t.coldJoinMs!)} ms (< 300 ms: ${t.coldJoinMs! < 300 ? 'yes' : 'no'}) | ${loadBefore.toFixed(1)} → ${os.loadavg()[0]!.toFixed(1)} |`);
process.exit(0);
