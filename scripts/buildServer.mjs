/**
 * Compiles the server (server/ and the shared/ it imports) into dist/ for
 * `node dist/server/index.js`: one JavaScript file per TypeScript file, the
 * folder layout kept, so paths the code resolves from `import.meta.url`
 * (migrations, built-in templates) still point at their files, copied beside.
 * Type checking is `npm run typecheck`'s job; this only strips types.
 */
import { cpSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const SOURCES = ['server', 'shared'];
const OUT = 'dist';

function tsFiles(dir) {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts'))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

for (const dir of SOURCES) rmSync(path.join(OUT, dir), { recursive: true, force: true });
await build({
  entryPoints: SOURCES.flatMap(tsFiles),
  outdir: OUT,
  outbase: '.',
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
});
cpSync('server/storage/migrations', path.join(OUT, 'server/storage/migrations'), { recursive: true });
rmSync(path.join(OUT, 'templates'), { recursive: true, force: true });
cpSync('templates', path.join(OUT, 'templates'), { recursive: true, filter: (src) => !src.endsWith('.ts') });
console.log(`server compiled into ${OUT}/server`);
