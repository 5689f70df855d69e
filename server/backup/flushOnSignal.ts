/**
 * How `npm run backup` reaches a running embedded server without a network
 * port or a password: the server writes its pid in the data folder; on
 * SIGUSR2 it writes every buffered edit to disk, then the time it finished
 * in `flushed-at`, which the backup waits for before copying.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Logger } from '../logger.js';
import { FLUSHED_FILE, PID_FILE } from './backupFiles.js';

export async function flushOnSignal(dataDir: string, flush: () => Promise<void>, log: Logger): Promise<() => Promise<void>> {
  await fs.mkdir(dataDir, { recursive: true });
  const pidFile = path.join(dataDir, PID_FILE);
  await fs.writeFile(pidFile, String(process.pid));
  const onSignal = () => {
    flush()
      .then(async () => {
        const tmp = path.join(dataDir, `${FLUSHED_FILE}.tmp`);
        await fs.writeFile(tmp, String(Date.now()));
        await fs.rename(tmp, path.join(dataDir, FLUSHED_FILE));
        log.info('tableaux écrits sur disque pour une sauvegarde');
      })
      .catch((err: unknown) => log.error({ err }, 'écriture avant sauvegarde impossible'));
  };
  process.on('SIGUSR2', onSignal);
  return async () => {
    process.off('SIGUSR2', onSignal);
    await fs.rm(pidFile, { force: true });
  };
}
