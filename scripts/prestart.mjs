/**
 * Before `npm start`: builds when the build tools are installed (a checkout
 * after `npm install`); on a production install (`npm ci --omit=dev`, no
 * vite) starts from the dist/ shipped with it, and says what to do if none.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
let hasBuildTools = true;
try {
  require.resolve('vite/package.json');
  require.resolve('esbuild/package.json');
} catch {
  hasBuildTools = false;
}

if (hasBuildTools) {
  const npm = process.env.npm_execpath;
  const result = npm
    ? spawnSync(process.execPath, [npm, 'run', 'build'], { stdio: 'inherit' })
    : spawnSync('npm', ['run', 'build'], { stdio: 'inherit', shell: true });
  process.exit(result.status ?? 1);
}
if (existsSync('dist/server/index.js') && existsSync('dist/client/index.html')) {
  console.log('Installation de production : démarrage depuis dist/ (déjà construit).');
} else {
  console.error(
    'dist/ est absent et les outils de construction ne sont pas installés : lancez `npm install` puis `npm start`, ' +
      'ou copiez un dist/ construit par `npm run build`.',
  );
  process.exit(1);
}
