/**
 * The fan-out's subscriber connections keep their subscriptions whenever they are made: socket.io's adapter subscribes
 * when the server builds it, which may fall in the middle of the connection's handshake.
 */
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import type { Redis } from 'ioredis';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { connectRedis } from '../../server/fanout/redisConnection.js';
import { hasRedis, TEST_REDIS_URL } from '../helpers/engines.js';
import { eventually } from '../helpers/yjsClient.js';

describe.skipIf(!hasRedis)('Redis subscriber connections of the fan-out', () => {
  const opened: Redis[] = [];
  const errors: string[] = [];
  const log = pino({ level: 'warn' }, { write: (line: string) => void errors.push(JSON.parse(line).err?.message) });
  const open = (role: string, kind: 'commands' | 'subscriber') => {
    const client = connectRedis(TEST_REDIS_URL, role, kind, { maxRetriesPerRequest: null }, log);
    opened.push(client);
    return client;
  };

  afterEach(() => {
    for (const client of opened.splice(0)) client.disconnect();
    errors.splice(0);
  });

  /** Publishes until the subscriber has heard one message (a subscription may take a moment to be confirmed). */
  async function heard(pub: Redis, channel: string, received: string[]): Promise<void> {
    await eventually(async () => {
      await pub.publish(channel, 'bonjour');
      expect(received).toContain('bonjour');
    }, 5_000);
  }

  it('keeps a subscription made during the handshake, and renews it after the connection is dropped', async () => {
    const role = `test-sub-${randomBytes(4).toString('hex')}`;
    const channel = `trame-test:${role}`;
    const pub = open(`${role}-pub`, 'commands');
    const sub = open(role, 'subscriber');
    const received: string[] = [];
    sub.on('message', (_channel: string, message: string) => received.push(message));
    // Subscribed the moment TCP is up, before the handshake ends: what the adapter does when built at that moment.
    await once(sub, 'connect');
    await sub.subscribe(channel);
    if (sub.status !== 'ready') await once(sub, 'ready');
    await heard(pub, channel, received);
    expect(errors).toEqual([]);
    expect(await pub.pubsub('NUMSUB', channel)).toEqual([channel, 1]);

    // Redis drops this connection (only this one: other subscribers share this Redis).
    const list = String(await pub.client('LIST'));
    const id = /id=(\d+) [^\n]*name=trame-(\S+)/g;
    const mine = [...list.matchAll(id)].find((m) => m[2] === role);
    expect(mine).toBeDefined();
    await pub.call('CLIENT', 'KILL', 'ID', mine![1]!);
    received.splice(0);
    await heard(pub, channel, received);
  });
});
