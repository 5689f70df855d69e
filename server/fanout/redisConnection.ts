/**
 * The fan-out's Redis connections, logged once per loss and once per recovery.
 *
 * A connection that subscribes skips ioredis's ready check. SUBSCRIBE and PSUBSCRIBE may be written while the
 * connection is still in its handshake (Redis allows them while loading), and the socket.io adapter subscribes
 * whenever it is built, at any point of that handshake. When Redis confirms the subscription before ioredis sends its
 * ready check (INFO), the check is refused (« Connection in subscriber mode »), ioredis drops the connection and,
 * never having been ready, reconnects without the subscription: the instance then hears nothing from the others
 * until it restarts. A busy event loop widens that window, so it showed under load only. Without the check, the
 * connection is ready right after its handshake and ioredis renews its subscriptions after every reconnection.
 */
import { Redis, type RedisOptions } from 'ioredis';
import type { Logger } from '../logger.js';

export type RedisConnectionKind = 'commands' | 'subscriber';

export function connectRedis(
  url: string,
  role: string,
  kind: RedisConnectionKind,
  options: RedisOptions,
  log: Logger,
): Redis {
  const client = new Redis(url, {
    ...options,
    connectionName: `trame-${role}`,
    ...(kind === 'subscriber' ? { enableReadyCheck: false } : {}),
  });
  // ioredis retries forever; one line per loss and per recovery, not one per attempt.
  let lost = false;
  client.on('error', (err) => {
    if (!lost) log.error({ err, role }, 'connexion Redis perdue ; reconnexion en cours');
    lost = true;
  });
  client.on('ready', () => {
    if (lost) log.info({ role }, 'connexion Redis rétablie');
    lost = false;
  });
  return client;
}
