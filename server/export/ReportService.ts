/**
 * The report of a session: its data (built from the stored board and the
 * facilitation state) and its PDF. A PDF is cached per session and options
 * with the fingerprint of its data: asking again for an unchanged session
 * costs the data, not a render; any change (a note, a vote, a title) makes a
 * new one. Identical requests in flight share one render.
 */
import { createHash } from 'node:crypto';
import type { BoardRecord } from '../../shared/boardLayout.js';
import type { ReportData, ReportStep } from '../../shared/reportData.js';
import type { PrintedDocument } from '../../shared/retourData.js';
import type { PublicSuite } from '../../shared/suites.js';
import { buildRetourData } from './buildRetourData.js';
import type { Boards } from '../board/Boards.js';
import type { Logger } from '../logger.js';
import type { AssetService } from '../assets/AssetService.js';
import { parseAssetUrl } from '../../shared/assetUrls.js';
import type { SessionService } from '../sessions/SessionService.js';
import { buildReportData, type ReportOptions, type ReportVotes } from './buildReportData.js';
import type { Hold, ReportQueue, RenderPriority } from './ReportQueue.js';
import type { ReportRenderer } from './ReportRenderer.js';

/** What facilitation contributes to a report: the steps run and the vote. */
export interface FacilitationFacts {
  steps: ReportStep[];
  votes: ReportVotes;
}

export type FacilitationSource = (sessionId: string) => Promise<FacilitationFacts>;

/** The bank's report: always anonymised, A4 landscape. */
export const BANK_REPORT: ReportOptions = { paper: 'A4', orientation: 'landscape', anonymous: true };

const CACHED_PDFS = 40;

/** Where a report reads the board's records: the live board, or the bank's published copy. */
type RecordSource = (sessionId: string) => Promise<BoardRecord[]>;

export interface ReportServiceDeps {
  sessions: SessionService;
  assets: AssetService;
  /** The anonymised copy of a published board (server/bank/PublishedBoards). */
  publishedRecords: RecordSource;
  boards: Boards;
  facilitation: FacilitationSource;
  /** A session's suites as the public reads them (the « Retour aux participant·es »). */
  suites: (sessionId: string) => Promise<PublicSuite[]>;
  renderer: ReportRenderer;
  queue: ReportQueue;
  instanceName: string;
  log: Logger;
}

export class ReportService {
  private readonly cache = new Map<string, { fingerprint: string; pdf: Buffer }>();
  private readonly inFlight = new Map<string, Promise<Buffer>>();
  /** Bank requests in progress per session and options: visitors asking meanwhile share it, data build included. */
  private readonly publicInFlight = new Map<string, Promise<Buffer>>();

  constructor(private readonly deps: ReportServiceDeps) {}

  async records(sessionId: string): Promise<BoardRecord[]> {
    return this.deps.boards.records(sessionId);
  }

  async reportData(sessionId: string, options: ReportOptions, source: RecordSource = (id) => this.records(id)): Promise<ReportData> {
    const session = await this.deps.sessions.require(sessionId);
    const [records, facts] = await Promise.all([source(sessionId), this.deps.facilitation(sessionId)]);
    const images = await this.images(sessionId, records);
    return buildReportData(session, records, facts, { ...options, instanceName: this.deps.instanceName }, (id) => images.get(id));
  }

  /**
   * The board's uploaded images as data: URLs (their thumbnails, 480 px: a
   * printed canvas needs no more), by asset record id. The render page may
   * fetch nothing itself.
   */
  private async images(sessionId: string, records: BoardRecord[]): Promise<Map<string, string>> {
    const found = new Map<string, string>();
    for (const record of records) {
      const asset = record.typeName === 'asset' ? parseAssetUrl((record.props as { src?: unknown } | undefined)?.src) : null;
      if (!asset || asset.sessionId !== sessionId) continue;
      const image = await this.deps.assets.read(sessionId, asset.assetId, 'thumbnail').catch(() => null);
      if (image) found.set(record.id, `data:${image.info.mimeType};base64,${Buffer.from(image.data).toString('base64')}`);
    }
    return found;
  }

  /**
   * A facilitator's PDF of the live board, from the cache when nothing
   * changed. The data is built before queueing, so a board that cannot be
   * read fails at once without taking a render slot.
   */
  async pdf(sessionId: string, options: ReportOptions): Promise<Buffer> {
    const key = `${sessionId}|${options.paper}|${options.orientation}|${options.anonymous}`;
    return this.fresh(sessionId, options, key, 'facilitator', (id) => this.records(id));
  }

  /**
   * The bank's PDF: the anonymised copy written at publication (what bank
   * visitors see of the board), behind every facilitator's export. A crowd of
   * visitors costs one data build and at most one render, not one each.
   */
  async bankPdf(sessionId: string): Promise<Buffer> {
    const key = `${sessionId}|bank`;
    const pending = this.publicInFlight.get(key);
    if (pending) return pending;
    const request = this.fresh(sessionId, BANK_REPORT, key, 'public', this.deps.publishedRecords).finally(() => this.publicInFlight.delete(key));
    this.publicInFlight.set(key, request);
    return request;
  }

  /**
   * The « Retour aux participant·es » of a session (A4 portrait, anonymised): its suites told back, for a
   * facilitator to send. Cached and queued like the report.
   */
  async retourPdf(sessionId: string): Promise<Buffer> {
    return this.holdingPlace('facilitator', async (hold) => {
      const [report, suites] = await Promise.all([this.reportData(sessionId, { ...BANK_REPORT, orientation: 'portrait' }), this.deps.suites(sessionId)]);
      return this.cachedRender(`${sessionId}|retour`, 'facilitator', buildRetourData(report, suites), hold);
    });
  }

  /** The bank's report data, from the anonymised copy (what the bank's PDF prints). */
  async bankReportData(sessionId: string): Promise<ReportData> {
    return this.reportData(sessionId, BANK_REPORT, this.deps.publishedRecords);
  }

  /** The PDF of the session as it is now: from the cache if unchanged, else rendered (or joined if already rendering). */
  private async fresh(sessionId: string, options: ReportOptions, key: string, priority: RenderPriority, source: RecordSource): Promise<Buffer> {
    return this.holdingPlace(priority, async (hold) => {
      const started = performance.now();
      const data = await this.reportData(sessionId, options, source);
      this.deps.log.debug({ sessionId, dataMs: performance.now() - started }, 'report data built');
      const pdf = await this.cachedRender(key, priority, data, hold);
      this.deps.log.debug({ sessionId, totalMs: performance.now() - started }, 'report ready');
      return pdf;
    });
  }

  /** A facilitator's place in the render queue counts from their request: it is held while their data is built. */
  private async holdingPlace<T>(priority: RenderPriority, work: (hold: Hold | undefined) => Promise<T>): Promise<T> {
    const hold = priority === 'facilitator' ? this.deps.queue.hold() : undefined;
    try {
      return await work(hold);
    } finally {
      if (hold) this.deps.queue.release(hold);
    }
  }

  /**
   * The PDF of report data built by its owner elsewhere (a project's, server/projects), cached under `key` and
   * queued like a session's report.
   */
  pdfOf(key: string, data: ReportData, priority: RenderPriority = 'facilitator'): Promise<Buffer> {
    return this.cachedRender(key, priority, data);
  }

  /** A document's PDF from the cache when its data did not change, else rendered behind the queue (or joined, if rendering). */
  private async cachedRender(key: string, priority: RenderPriority, data: PrintedDocument, hold?: Hold): Promise<Buffer> {
    const fingerprint = createHash('sha256').update(JSON.stringify(data)).digest('base64url');
    const cached = this.cache.get(key);
    if (cached?.fingerprint === fingerprint) {
      if (hold) this.deps.queue.release(hold);
      this.cache.delete(key);
      this.cache.set(key, cached);
      return cached.pdf;
    }
    const flightKey = `${key}|${fingerprint}`;
    const running = this.inFlight.get(flightKey);
    if (running) {
      if (hold) this.deps.queue.release(hold);
      return running;
    }
    const queued = performance.now();
    const render = this.deps.queue
      .run(priority, () => {
        this.deps.log.debug({ key, queueMs: performance.now() - queued }, 'report render started');
        return this.deps.renderer.render(data);
      }, hold)
      .then((pdf) => {
        this.cache.delete(key);
        this.cache.set(key, { fingerprint, pdf });
        if (this.cache.size > CACHED_PDFS) this.cache.delete(this.cache.keys().next().value!);
        return pdf;
      })
      .finally(() => this.inFlight.delete(flightKey));
    this.inFlight.set(flightKey, render);
    return render;
  }

  /**
   * After a change to a published session (its publication included): renders
   * the bank's PDF ahead of the first visitor, behind any facilitator's export.
   */
  prepareBankReport(sessionId: string): void {
    this.deps.sessions
      .get(sessionId)
      .then((session) => (session?.published ? this.bankPdf(sessionId) : undefined))
      .catch((err) => this.deps.log.warn({ err, sessionId }, 'bank report not prepared'));
  }
}
