/**
 * The render queue. Renders are few at a time (Chromium is heavy), so who
 * waits matters: a facilitator's export goes ahead of every anonymous bank
 * request, and each kind waits in a bounded line — a full line answers 503
 * with Retry-After instead of holding a request for minutes. A facilitator's
 * place counts from their request, not from when their report's data is
 * built: a slot freed meanwhile waits for them (`hold`).
 */
import { ApiError } from '../errors.js';

export type RenderPriority = 'facilitator' | 'public';

export class QueueFullError extends ApiError {
  constructor(readonly retryAfterS: number) {
    super(503, 'pdf_busy', `Beaucoup de comptes rendus sont en cours de génération. Réessayez dans ${retryAfterS} s.`);
  }
}

interface Waiting {
  start: () => void;
}

/** A facilitator's place, held while their report's data is built; `run` takes it, `release` gives it up. */
export class Hold {
  active = true;
}

export class ReportQueue {
  private running = 0;
  /** Facilitators whose data is being built: while any, a freed slot starts no bank render. */
  private holding = 0;
  private readonly lines: Record<RenderPriority, Waiting[]> = { facilitator: [], public: [] };
  /** Recent render time, to tell a refused client when to come back. */
  private averageMs = 2_000;

  constructor(private readonly options: { concurrency: number; maxWaiting: number }) {}

  /**
   * Holds the way for a facilitator whose report data is being built. Without
   * it, a bank render started in a slot freed during the build would delay
   * them by a whole render.
   */
  hold(): Hold {
    this.holding += 1;
    return new Hold();
  }

  /** Gives up a hold that needs no render (a cached PDF, a render already running, a failed build). */
  release(hold: Hold): void {
    if (this.drop(hold)) this.startWaiting();
  }

  /** Runs `task` when a slot is free, facilitators first; throws QueueFullError when its line is full. */
  async run<T>(priority: RenderPriority, task: () => Promise<T>, hold?: Hold): Promise<T> {
    // Taken, not released: the slot its hold kept free (if any) is this task's, so nothing else may start first.
    if (hold) this.drop(hold);
    if (this.running >= this.options.concurrency) {
      const line = this.lines[priority];
      if (line.length >= this.options.maxWaiting) throw new QueueFullError(this.retryAfterS(priority));
      await new Promise<void>((start) => line.push({ start }));
    } else {
      this.running += 1;
      // Other slots its hold kept free go back to the bank renders waiting.
      this.startWaiting();
    }
    const startedAt = performance.now();
    try {
      return await task();
    } finally {
      this.averageMs = 0.7 * this.averageMs + 0.3 * (performance.now() - startedAt);
      this.next();
    }
  }

  /** Renders waiting for a slot, of both kinds (for /metrics). */
  get waitingCount(): number {
    return this.lines.facilitator.length + this.lines.public.length;
  }

  /** A slot is free: it goes to the next facilitator, else to the next bank render unless a facilitator is on the way. */
  private next(): void {
    const next = this.lines.facilitator.shift() ?? (this.holding === 0 ? this.lines.public.shift() : undefined);
    if (next) next.start();
    else this.running -= 1;
  }

  private startWaiting(): void {
    while (this.running < this.options.concurrency && this.holding === 0 && this.lines.public.length > 0) {
      this.running += 1;
      this.lines.public.shift()!.start();
    }
  }

  private drop(hold: Hold): boolean {
    if (!hold.active) return false;
    hold.active = false;
    this.holding -= 1;
    return true;
  }

  private retryAfterS(priority: RenderPriority): number {
    const ahead = this.lines.facilitator.length + (priority === 'public' ? this.lines.public.length : 0) + this.running;
    return Math.max(1, Math.ceil((ahead * this.averageMs) / this.options.concurrency / 1000));
  }
}
