/**
 * Reachability of an external engine (PostgreSQL, Redis) for the health
 * endpoint. Logs each change of state once, not on every check, so an
 * outage reads as one error and one recovery in the logs.
 */
import type { Logger } from './logger.js';

export type EngineStatus = 'ok' | 'down' | 'disabled';

export type EngineProbe = () => Promise<EngineStatus>;

const PING_TIMEOUT_MS = 2_000;

export const disabledEngine: EngineProbe = async () => 'disabled';

export function engineProbe(name: string, ping: () => Promise<unknown>, log: Logger): EngineProbe {
  let down = false;
  return async () => {
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        ping(),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error(`pas de réponse en ${PING_TIMEOUT_MS} ms`)), PING_TIMEOUT_MS);
        }),
      ]);
      if (down) log.info({ engine: name }, `${name} de nouveau joignable`);
      down = false;
      return 'ok';
    } catch (err) {
      if (!down) log.error({ err, engine: name }, `${name} injoignable`);
      down = true;
      return 'down';
    } finally {
      clearTimeout(timer);
    }
  };
}
