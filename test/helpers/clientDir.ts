import { existsSync } from 'node:fs';
import path from 'node:path';

/** The client built by `npm run build` (npm test's pretest step). */
export function builtClientDir(): string {
  const dir = path.resolve('dist/client');
  if (!existsSync(path.join(dir, 'index.html'))) {
    throw new Error('Client not built: run `npm run build` (npm test does it first).');
  }
  return dir;
}
