/**
 * What the subsystems report to monitoring, as plain calls: each subsystem
 * receives a `Metrics` and never imports prom-client. `noMetrics` is the
 * default, so a subsystem built without one (in a unit test) reports nothing.
 */
export type EditRefusal =
  | 'read_only'
  | 'paused'
  | 'scaffolding'
  | 'not_yours'
  | 'board_full'
  | 'too_large'
  | 'rate_limited'
  | 'malformed'
  | 'invalid';

export interface Metrics {
  /** A participant's board update merged into the board. */
  editApplied(): void;
  /** A participant's board message refused, or its effect undone. */
  editRefused(reason: EditRefusal): void;
  /** From the first edit of a batch arriving to the batch sent to peers. */
  fanOutLatency(seconds: number): void;
  /** From the oldest buffered edit to its write to storage. */
  storageWritten(lagSeconds: number): void;
  storageWriteFailed(): void;
  /** One PDF render, from its turn in the queue to its end. */
  pdfRendered(seconds: number, outcome: 'ok' | 'timeout' | 'error'): void;
}

const nothing = () => undefined;

export const noMetrics: Metrics = {
  editApplied: nothing,
  editRefused: nothing,
  fanOutLatency: nothing,
  storageWritten: nothing,
  storageWriteFailed: nothing,
  pdfRendered: nothing,
};
