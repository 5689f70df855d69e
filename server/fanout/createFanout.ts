/**
 * Live fan-out between instances: Redis when `REDIS_URL` is set, nothing
 * otherwise. Five connections per instance: the board relay's publisher and
 * subscriber, socket.io's adapter pair, and the session events' subscriber
 * (a subscribed connection can do nothing else; the events publish on the
 * adapter's publisher, queued while Redis is away). The throttles' counters
 * are shared on the relay's publisher, which queues nothing either.
 */
import { createHash } from 'node:crypto';
import { createAdapter } from '@socket.io/redis-adapter';
import type { Redis, RedisOptions } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis } from 'rate-limiter-flexible';
import type { ServerOptions } from 'socket.io';
import { localOnlyRelay, type BoardRelay } from '../collaboration/BoardRelay.js';
import { RedisBoardRelay } from '../collaboration/RedisBoardRelay.js';
import type { Config } from '../config.js';
import { disabledEngine, engineProbe, type EngineProbe } from '../engineProbe.js';
import { memoryCounters, type CounterStore } from '../http/AttemptThrottle.js';
import type { Logger } from '../logger.js';
import { connectRedis, type RedisConnectionKind } from './redisConnection.js';
import { localOnlySessionEvents, redisSessionEvents, type SessionEvents } from './SessionEvents.js';

export interface Fanout {
  relay: BoardRelay;
  /** socket.io's adapter: rooms and broadcasts span every instance. */
  ioAdapter: ServerOptions['adapter'] | undefined;
  sessionEvents: SessionEvents;
  redisStatus: EngineProbe;
  /** Where the throttles count failed attempts: shared by every instance, or this one's memory. */
  throttleCounters: CounterStore;
  close(): Promise<void>;
}

export function createFanout(config: Pick<Config, 'redisUrl' | 'databaseUrl'>, log: Logger): Fanout {
  if (!config.redisUrl) {
    return {
      relay: localOnlyRelay,
      ioAdapter: undefined,
      sessionEvents: localOnlySessionEvents,
      redisStatus: disabledEngine,
      throttleCounters: memoryCounters,
      close: async () => {},
    };
  }
  const connect = (role: string, kind: RedisConnectionKind, options: RedisOptions) =>
    connectRedis(config.redisUrl!, role, kind, options, log);
  // The relay recovers what it could not send by catching up from PostgreSQL, so it queues nothing.
  const relayPub = connect('relay-pub', 'commands', { enableOfflineQueue: false });
  const relaySub = connect('relay-sub', 'subscriber', { enableOfflineQueue: false, autoResubscribe: false });
  // socket.io broadcasts wait in the queue while Redis is away, and go out when it is back.
  const ioPub = catchDroppedCommands(connect('io-pub', 'commands', { maxRetriesPerRequest: null }), log);
  const ioSub = catchDroppedCommands(connect('io-sub', 'subscriber', { maxRetriesPerRequest: null }), log);
  const eventsSub = connect('events-sub', 'subscriber', { maxRetriesPerRequest: null });
  const relay = new RedisBoardRelay(relayPub, relaySub, log);
  return {
    relay,
    ioAdapter: createAdapter(ioPub, ioSub),
    sessionEvents: redisSessionEvents(ioPub, eventsSub, log),
    redisStatus: engineProbe('Redis', () => relayPub.ping(), log),
    throttleCounters: sharedCounters(relayPub, config.databaseUrl ?? ''),
    async close() {
      relay.close();
      await Promise.all([relayPub, relaySub, ioPub, ioSub, eventsSub].map((c) => c.quit().catch(() => c.disconnect())));
    },
  };
}

/**
 * Counters in Redis, under a prefix naming the deployment: instances sharing a database (REDIS_URL requires
 * DATABASE_URL) count together, another deployment on the same Redis does not. While Redis is away, each
 * instance counts in its own memory rather than let every attempt through or refuse them all.
 */
function sharedCounters(client: Redis, databaseUrl: string): CounterStore {
  const deployment = createHash('sha256').update(databaseUrl).digest('hex').slice(0, 12);
  return (name, options) =>
    new RateLimiterRedis({
      ...options,
      storeClient: client,
      keyPrefix: `trame:throttle:${deployment}:${name}`,
      rejectIfRedisNotReady: true,
      insuranceLimiter: new RateLimiterMemory(options),
    });
}

const ADAPTER_COMMANDS = ['publish', 'subscribe', 'unsubscribe', 'psubscribe', 'punsubscribe'] as const;

/**
 * The socket.io adapter ignores the promises of its Redis commands; one
 * failing (a queued command when the connection closes) would end the
 * process as an unhandled rejection. Logged instead: the adapter has nothing
 * to retry anyway.
 */
function catchDroppedCommands(client: Redis, log: Logger): Redis {
  for (const name of ADAPTER_COMMANDS) {
    const command = client[name].bind(client) as (...args: unknown[]) => Promise<unknown>;
    const guarded = (...args: unknown[]) => {
      const result = command(...args);
      result.catch((err: unknown) => log.debug({ err, command: name }, 'socket.io Redis command failed'));
      return result;
    };
    Object.assign(client, { [name]: guarded });
  }
  return client;
}

