import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.js';

describe('DATABASE_URL and REDIS_URL', () => {
  it('are optional: without them Trame runs embedded', () => {
    expect(loadConfig({})).toMatchObject({ databaseUrl: undefined, redisUrl: undefined });
  });

  it('are read when valid', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://trame@db:5432/trame', REDIS_URL: 'rediss://cache:6380' });
    expect(config).toMatchObject({ databaseUrl: 'postgres://trame@db:5432/trame', redisUrl: 'rediss://cache:6380' });
  });

  it('write boards every 25 ms by default when edits are relayed between instances, else every 250 ms', () => {
    const relayed = { DATABASE_URL: 'postgres://db/t', REDIS_URL: 'redis://cache:6379' };
    expect(loadConfig(relayed).persistFlushIntervalMs).toBe(25);
    expect(loadConfig({ ...relayed, PERSIST_FLUSH_INTERVAL_MS: '100' }).persistFlushIntervalMs).toBe(100);
    expect(loadConfig({ DATABASE_URL: 'postgres://db/t' }).persistFlushIntervalMs).toBe(250);
    expect(loadConfig({}).persistFlushIntervalMs).toBe(250);
  });

  it.each([
    ['a DATABASE_URL that is not PostgreSQL', { DATABASE_URL: 'mysql://db/trame' }, /DATABASE_URL/],
    ['a DATABASE_URL that is not a URL', { DATABASE_URL: 'localhost' }, /DATABASE_URL/],
    ['a REDIS_URL that is not Redis', { DATABASE_URL: 'postgres://db/t', REDIS_URL: 'http://cache' }, /REDIS_URL/],
    ['REDIS_URL without DATABASE_URL', { REDIS_URL: 'redis://cache:6379' }, /REDIS_URL demande aussi DATABASE_URL/],
  ])('refuse %s, naming the variable', (_label, env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });
});
