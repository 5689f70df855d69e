import type { Logger } from '../logger.js';
import { AttemptThrottle, type CounterStore } from './AttemptThrottle.js';

/**
 * Join codes: 31⁶ ≈ 890 million codes; with 2,000 open sessions an unthrottled
 * client (about 2,000 guesses a second, measured) would hit one in minutes.
 * At 20 failures per 10 minutes, then a lockout from one minute doubling to an
 * hour, one address gets a few hundred guesses a day, and all addresses
 * together at most 600 per 10 minutes once they start failing.
 */
export function joinCodeThrottle(log: Logger, counters?: CounterStore): AttemptThrottle {
  return new AttemptThrottle(
    'join-code',
    { failuresPerClient: 20, failuresOverall: 600, windowSeconds: 600, blockSeconds: 60, maxBlockSeconds: 3_600 },
    log,
    counters,
  );
}

/** The facilitator password: 10 failures per 15 minutes, then from 5 minutes doubling to a day. */
export function passwordThrottle(log: Logger, counters?: CounterStore): AttemptThrottle {
  return new AttemptThrottle(
    'facilitator-password',
    { failuresPerClient: 10, failuresOverall: 0, windowSeconds: 900, blockSeconds: 300, maxBlockSeconds: 86_400 },
    log,
    counters,
  );
}
