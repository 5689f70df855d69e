/**
 * Slows down guessing (join codes, the facilitator password) without ever
 * locking out a venue: only failures count against a client, so 300 people
 * behind one NAT typing the right code all get in, while a client that keeps
 * failing is refused (429) for a time that doubles at each new lockout.
 *
 * A second budget counts failures instance-wide (the code space): when many
 * addresses guess together, clients that have failed recently wait, while
 * those that have not failed still get in.
 */
import { RateLimiterMemory, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { ApiError } from '../errors.js';
import type { Logger } from '../logger.js';

/**
 * Where a throttle keeps its counters: this instance's memory, or Redis when instances share one
 * (server/fanout/createFanout.ts), so a client spreading guesses over instances is counted once.
 */
export type CounterStore = (name: string, options: { points: number; duration: number }) => RateLimiterAbstract;

export const memoryCounters: CounterStore = (_name, options) => new RateLimiterMemory(options);

export interface ThrottleOptions {
  /** Failures a client may make within `windowSeconds` before being refused. */
  failuresPerClient: number;
  /** Failures all clients together may make within `windowSeconds`; 0 for no global budget. */
  failuresOverall: number;
  windowSeconds: number;
  /** First lockout; each lockout within a day doubles it, up to `maxBlockSeconds`. */
  blockSeconds: number;
  maxBlockSeconds: number;
}

export const tooManyAttempts = (retryAfterSeconds: number) =>
  new ApiError(
    429,
    'too_many_attempts',
    `Trop d'essais infructueux depuis cet appareil ou ce réseau. Réessayez dans ${formatWait(retryAfterSeconds)}.`,
  );

function formatWait(seconds: number): string {
  return seconds < 90 ? `${Math.max(1, Math.ceil(seconds))} secondes` : `${Math.ceil(seconds / 60)} minutes`;
}

/** Thrown with the number of seconds to wait; the error handler sends it as `Retry-After`. */
export class ThrottledError extends ApiError {
  constructor(readonly retryAfterSeconds: number) {
    const base = tooManyAttempts(retryAfterSeconds);
    super(base.status, base.code, base.message);
  }
}

export class AttemptThrottle {
  private readonly failures: RateLimiterAbstract;
  private readonly overall: RateLimiterAbstract | null;
  /** Lockouts per client over a day: the exponent of the backoff. */
  private readonly lockouts: RateLimiterAbstract;

  constructor(
    private readonly name: string,
    private readonly options: ThrottleOptions,
    private readonly log: Logger,
    counters: CounterStore = memoryCounters,
  ) {
    this.failures = counters(`${name}:failures`, { points: options.failuresPerClient, duration: options.windowSeconds });
    this.overall = options.failuresOverall
      ? counters(`${name}:overall`, { points: options.failuresOverall, duration: options.windowSeconds })
      : null;
    this.lockouts = counters(`${name}:lockouts`, { points: 1_000_000, duration: 86_400 });
  }

  /** Throws 429 if this client must wait; call before checking the secret. */
  async check(client: string): Promise<void> {
    const own = await this.failures.get(client);
    if (own && own.consumedPoints >= this.options.failuresPerClient) throw new ThrottledError(own.msBeforeNext / 1_000);
    if (!this.overall || !own || own.consumedPoints === 0) return;
    const all = await this.overall.get('all');
    if (all && all.consumedPoints >= this.options.failuresOverall) throw new ThrottledError(all.msBeforeNext / 1_000);
  }

  /** Records a wrong guess; past the budget, locks the client out for a doubling time. */
  async fail(client: string, detail: Record<string, unknown> = {}): Promise<void> {
    await this.overall?.penalty('all', 1);
    const res = await this.failures.penalty(client, 1);
    // Logged without the guess itself: a mistyped password is often the real one.
    this.log.warn({ throttle: this.name, client, failures: res.consumedPoints, ...detail }, 'failed attempt');
    if (res.consumedPoints !== this.options.failuresPerClient) return;
    const strikes = (await this.lockouts.penalty(client, 1)).consumedPoints;
    const seconds = Math.min(this.options.blockSeconds * 2 ** (strikes - 1), this.options.maxBlockSeconds);
    await this.failures.block(client, seconds);
    this.log.warn({ throttle: this.name, client, seconds }, 'client locked out after repeated failures');
  }
}
