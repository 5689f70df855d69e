/**
 * The Prometheus instruments of one server, in a registry of its own (two
 * servers in one process each count their own). Counters and histograms are
 * fed by the subsystems through `Metrics`; gauges are read at scrape time from
 * the state the subsystems already keep.
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Metrics } from './Metrics.js';

/** What gauges read when Prometheus scrapes. */
export interface MetricsSources {
  yjsConnections: () => number;
  socketConnections: () => number;
  boardsLoaded: () => number;
  pdfQueueLength: () => number;
}

export interface ServerMetrics extends Metrics {
  readonly registry: Registry;
  /** A join request answered: `refused` with the HTTP status when it failed. */
  joinAttempt(status: number): void;
}

const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];
const STORAGE_BUCKETS = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
const PDF_BUCKETS = [1, 2, 5, 10, 20, 30, 60, 120];

export function createMetrics(sources: MetricsSources, withProcessMetrics: boolean): ServerMetrics {
  const registry = new Registry();
  if (withProcessMetrics) collectDefaultMetrics({ register: registry });
  const registers = [registry];

  new Gauge({
    name: 'trame_connections',
    help: 'Open connections, by channel: yjs (board sync) or socketio (facilitation)',
    labelNames: ['channel'],
    registers,
    collect() {
      this.set({ channel: 'yjs' }, sources.yjsConnections());
      this.set({ channel: 'socketio' }, sources.socketConnections());
    },
  });
  new Gauge({
    name: 'trame_boards_loaded',
    help: 'Boards held in memory by this instance',
    registers,
    collect() {
      this.set(sources.boardsLoaded());
    },
  });
  new Gauge({
    name: 'trame_pdf_queue_length',
    help: 'PDF reports waiting for a render slot',
    registers,
    collect() {
      this.set(sources.pdfQueueLength());
    },
  });
  const editsApplied = new Counter({ name: 'trame_edits_applied_total', help: 'Participant board updates applied', registers });
  const editsRefused = new Counter({
    name: 'trame_edits_refused_total',
    help: 'Participant board messages refused or undone, by reason',
    labelNames: ['reason'],
    registers,
  });
  const fanOut = new Histogram({
    name: 'trame_fanout_latency_seconds',
    help: 'From an edit reaching the server to its batch sent to the other participants',
    buckets: LATENCY_BUCKETS,
    registers,
  });
  const writeLag = new Histogram({
    name: 'trame_storage_write_lag_seconds',
    help: 'From an edit buffered to its write to storage',
    buckets: STORAGE_BUCKETS,
    registers,
  });
  const writeFailures = new Counter({ name: 'trame_storage_write_failures_total', help: 'Board writes that failed (retried)', registers });
  const pdfRender = new Histogram({
    name: 'trame_pdf_render_seconds',
    help: 'PDF report renders, by outcome',
    labelNames: ['outcome'],
    buckets: PDF_BUCKETS,
    registers,
  });
  const joinAttempts = new Counter({ name: 'trame_join_attempts_total', help: 'Requests to join a session with a code', registers });
  const joinRefusals = new Counter({
    name: 'trame_join_refusals_total',
    help: 'Join requests refused, by HTTP status (400 invalid, 404 unknown code, 410 session over, 429 throttled)',
    labelNames: ['status'],
    registers,
  });

  return {
    registry,
    editApplied: () => editsApplied.inc(),
    editRefused: (reason) => editsRefused.inc({ reason }),
    fanOutLatency: (seconds) => fanOut.observe(seconds),
    storageWritten: (lagSeconds) => writeLag.observe(lagSeconds),
    storageWriteFailed: () => writeFailures.inc(),
    pdfRendered: (seconds, outcome) => pdfRender.observe({ outcome }, seconds),
    joinAttempt: (status) => {
      joinAttempts.inc();
      if (status >= 400) joinRefusals.inc({ status: String(status) });
    },
  };
}
