/** Process entry: read config, start the server, shut down cleanly on signals. */
import { loadConfig } from './config.js';
import { createServer } from './createServer.js';
import { flushOnSignal } from './backup/flushOnSignal.js';
import { createLogger } from './logger.js';

const config = loadConfig();
const log = createLogger(config);
const server = await createServer(config, log).catch((err: unknown) => {
  log.fatal({ err }, 'démarrage impossible');
  process.exit(1);
});
const port = await server.listen();
// Embedded storage only: with PostgreSQL, backups are pg_dump's (docs/DEPLOYMENT.md).
const stopFlushOnSignal = config.databaseUrl ? undefined : await flushOnSignal(config.dataDir, () => server.registry.flushAll(), log);
// Which engines, never their URLs: those may carry passwords.
const engines = { storage: config.databaseUrl ? 'postgresql' : config.dataDir, fanout: config.redisUrl ? 'redis' : 'none' };
log.info({ port, ...engines }, `Trame est prêt sur http://localhost:${port}`);

let stopping = false;
const stop = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  log.info({ signal }, 'arrêt en cours : écriture des tableaux');
  try {
    await server.close();
    await stopFlushOnSignal?.();
    process.exit(0);
  } catch (err) {
    log.error({ err }, 'arrêt incomplet');
    process.exit(1);
  }
};
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
