/**
 * The render queue. Renders are few at a time (Chromium is heavy), so who
 * waits matters: a facilitator's export goes ahead of every anonymous bank
 * request, and each kind waits in a bounded line — a full line answers 503
 * with Retry-After instead of holding a request for minutes.
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

export class ReportQueue {
  private running = 0;
  private readonly lines: Record<RenderPriority, Waiting[]> = { facilitator: [], public: [] };
  /** Recent render time, to tell a refused client when to come back. */
  private averageMs = 2_000;

  constructor(private readonly options: { concurrency: number; maxWaiting: number }) {}

  /** Runs `task` when a slot is free, facilitators first; throws QueueFullError when its line is full. */
  async run<T>(priority: RenderPriority, task: () => Promise<T>): Promise<T> {
    if (this.running >= this.options.concurrency) {
      const line = this.lines[priority];
      if (line.length >= this.options.maxWaiting) throw new QueueFullError(this.retryAfterS(priority));
      await new Promise<void>((start) => line.push({ start }));
    } else {
      this.running += 1;
    }
    const startedAt = performance.now();
    try {
      return await task();
    } finally {
      this.averageMs = 0.7 * this.averageMs + 0.3 * (performance.now() - startedAt);
      this.release();
    }
  }

  /** Renders waiting for a slot, of both kinds (for /metrics). */
  get waitingCount(): number {
    return this.lines.facilitator.length + this.lines.public.length;
  }

  private release(): void {
    const next = this.lines.facilitator.shift() ?? this.lines.public.shift();
    if (next) next.start();
    else this.running -= 1;
  }

  private retryAfterS(priority: RenderPriority): number {
    const ahead = this.lines.facilitator.length + (priority === 'public' ? this.lines.public.length : 0) + this.running;
    return Math.max(1, Math.ceil((ahead * this.averageMs) / this.options.concurrency / 1000));
  }
}
