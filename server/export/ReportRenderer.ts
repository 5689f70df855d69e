/**
 * Prints reports with headless Chromium. The browser and its pages stay warm:
 * each page has the report page of the built client loaded once, and a render
 * hands it the report's data (`window.trameRenderReport`), waits for it to be
 * laid out, and prints it. No navigation, no board sync: a second render costs
 * the layout and the printing only. Who renders when is the queue's business
 * (ReportQueue).
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { PrintedDocument } from '../../shared/retourData.js';
import { pagePaths } from '../../shared/paths.js';
import { REPORT_MARGINS_MM } from '../../shared/reportPaper.js';
import { ApiError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { Metrics } from '../metrics/Metrics.js';
import { CHROMIUM_SWITCHES } from './chromiumSwitches.js';
import { withMetadata } from './pdfMetadata.js';
import { footerTemplate, headerTemplate } from './pageTemplates.js';
import { warmUpReport } from './warmUpReport.js';

export interface ReportRendererOptions {
  chromiumPath: string;
  timeoutMs: number;
  /** Where the page is served from, as this process reaches itself. */
  baseUrl: () => string;
  log: Logger;
  metrics?: Metrics;
}

/** How long the report page itself may take to load in a started Chromium. */
const PAGE_LOAD_TIMEOUT_MS = 30_000;

export const chromiumMissing = (path: string) =>
  new ApiError(
    503,
    'pdf_unavailable',
    `L'export PDF a besoin de Chromium, introuvable ici (${path}). Installez-le (« apt-get install chromium ») ou indiquez son chemin dans CHROMIUM_PATH.`,
  );

const renderTimeout = () =>
  new ApiError(504, 'pdf_timeout', 'Le compte rendu a mis trop de temps à se générer. Réessayez dans un instant.');

/** Chromium went away mid-render (killed, out of memory): the next render starts a new one. */
const rendererStopped = () =>
  new ApiError(503, 'pdf_failed', "L'impression du compte rendu s'est interrompue : le moteur d'impression s'est arrêté. Réessayez, il redémarre de lui-même.");

const renderFailed = () =>
  new ApiError(500, 'pdf_failed', "Ce tableau n'a pas pu être mis en page pour le compte rendu. L'équipe technique a été prévenue.");

/** What the report page puts on its global object (this file runs in Node: no DOM types here). */
type ReportGlobal = typeof globalThis & { trameRenderReport?: (data: PrintedDocument | null) => Promise<string> };

/**
 * The page may only reach Trame itself: a board record naming another host
 * (an image URL planted by a modified client) would otherwise have the
 * server's Chromium fetch it, from inside the server's network.
 */
async function blockOtherOrigins(context: BrowserContext, baseUrl: string): Promise<void> {
  const origin = new URL(baseUrl).origin;
  await context.route(
    (url) => url.origin !== origin,
    (route) => route.abort('blockedbyclient'),
  );
  await context.routeWebSocket(
    (url) => url.origin !== origin.replace(/^http/, 'ws'),
    (ws) => ws.close(),
  );
}

export class ReportRenderer {
  private browser: Promise<Browser> | undefined;
  private context: Promise<BrowserContext> | undefined;
  private readonly idle: Page[] = [];
  private warming: Promise<void> | undefined;

  constructor(private readonly options: ReportRendererOptions) {}

  async render(data: PrintedDocument): Promise<Buffer> {
    if (!existsSync(this.options.chromiumPath)) throw chromiumMissing(this.options.chromiumPath);
    const started = performance.now();
    // A render arriving while the renderer warms up waits for its page rather than opening a second one.
    if (this.idle.length === 0) await this.warming?.catch(() => undefined);
    let rendered: 'ok' | 'timeout' | 'error' = 'error';
    const warm = this.idle.length > 0;
    const page = this.idle.pop() ?? (await this.openPage());
    let reusable = false;
    try {
      const marks = await this.print(page, data);
      reusable = true;
      const withInfo = withMetadata(marks.pdf, data);
      rendered = 'ok';
      // Where a render's time goes, at debug level: the PDF bench prints it beside its figures.
      const pageMs = marks.startedAt - started;
      this.options.log.debug({ warm, pageMs, layoutMs: marks.layoutMs, printMs: marks.printMs, bytes: marks.pdf.length, title: data.title }, 'report rendered');
      return withInfo;
    } catch (error) {
      if (error instanceof ApiError && error.code === 'pdf_timeout') rendered = 'timeout';
      if (error instanceof ApiError) throw error;
      this.options.log.error({ err: error, title: data.title }, 'report render interrupted');
      throw rendererStopped();
    } finally {
      this.options.metrics?.pdfRendered((performance.now() - started) / 1000, rendered);
      // A page that timed out may still be busy laying out: closing it must not hold the render slot.
      if (reusable) this.idle.push(page);
      else void page.close().catch(() => undefined);
    }
  }

  /** Lays a document out on a loaded report page and prints it, leaving the page blank for the next. */
  private async print(page: Page, data: PrintedDocument): Promise<{ pdf: Buffer; startedAt: number; layoutMs: number; printMs: number }> {
    const startedAt = performance.now();
    // Handed over as one string: Playwright's own serialisation of a 500-note report, walked value by value on
    // both sides, took 0.6 to 1.5 s of the layout's time on the bench machine; JSON.parse takes milliseconds.
    const outcome = await this.withTimeout(page.evaluate((json) => (globalThis as ReportGlobal).trameRenderReport!(JSON.parse(json) as PrintedDocument), JSON.stringify(data)));
    const laidOut = performance.now();
    if (outcome !== 'ready') {
      this.options.log.error({ outcome, title: data.title }, 'report layout failed');
      throw renderFailed();
    }
    const pdf = await this.withTimeout(
      page.pdf({
        format: data.layout.paper,
        landscape: data.layout.orientation === 'landscape',
        printBackground: true,
        tagged: true,
        outline: true,
        displayHeaderFooter: true,
        headerTemplate: headerTemplate(data),
        footerTemplate: footerTemplate(data),
        margin: {
          top: `${REPORT_MARGINS_MM.top}mm`,
          bottom: `${REPORT_MARGINS_MM.bottom}mm`,
          left: `${REPORT_MARGINS_MM.side}mm`,
          right: `${REPORT_MARGINS_MM.side}mm`,
        },
      }),
    );
    const printMs = performance.now() - laidOut;
    await page.evaluate(() => (globalThis as ReportGlobal).trameRenderReport!(null));
    return { pdf, startedAt, layoutMs: laidOut - startedAt, printMs };
  }

  /**
   * Starts Chromium, loads one report page and prints a small report on it ahead of the first export, so that
   * export finds the page's code compiled and Chromium's printing warm.
   */
  warmUp(): Promise<void> {
    if (this.idle.length > 0 || this.warming || !existsSync(this.options.chromiumPath)) return this.warming ?? Promise.resolve();
    const started = performance.now();
    this.warming = (async () => {
      const page = await this.openPage();
      try {
        await this.print(page, warmUpReport());
        this.idle.push(page);
      } catch (err) {
        await page.close().catch(() => undefined);
        throw err;
      }
      this.options.log.debug({ warmUpMs: performance.now() - started }, 'report renderer warm');
    })().finally(() => {
      this.warming = undefined;
    });
    return this.warming;
  }

  /** A page with the report page loaded, ready to be handed data. */
  private async openPage(): Promise<Page> {
    const page = await (await this.warmContext()).newPage();
    const origin = new URL(this.options.baseUrl()).origin;
    // Loading the report page costs the same for every board: the render timeout, which guards against a board
    // that cannot be laid out, does not bound it (a short one refused every export on a busy machine).
    const timeout = Math.max(this.options.timeoutMs, PAGE_LOAD_TIMEOUT_MS);
    try {
      await page.goto(`${origin}${pagePaths.reportRender}`, { timeout });
      await page.waitForFunction(() => typeof (globalThis as ReportGlobal).trameRenderReport === 'function', undefined, { timeout });
      return page;
    } catch (err) {
      await page.close().catch(() => undefined);
      this.options.log.error({ err }, 'report page failed to load');
      throw renderFailed();
    }
  }

  private warmContext(): Promise<BrowserContext> {
    this.context ??= this.launch().then(async (browser) => {
      const context = await browser.newContext({ locale: 'fr-FR' });
      await blockOtherOrigins(context, this.options.baseUrl());
      return context;
    });
    return this.context;
  }

  private withTimeout<T>(work: Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(renderTimeout()), this.options.timeoutMs);
    });
    return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
  }

  private launch(): Promise<Browser> {
    this.browser ??= chromium
      .launch({
        executablePath: this.options.chromiumPath,
        args: CHROMIUM_SWITCHES,
      })
      .then((browser) => {
        browser.on('disconnected', () => {
          this.browser = undefined;
          this.context = undefined;
          this.idle.length = 0;
        });
        return browser;
      })
      .catch((err) => {
        this.browser = undefined;
        this.options.log.error({ err }, 'chromium failed to start');
        throw chromiumMissing(this.options.chromiumPath);
      });
    return this.browser;
  }

  async close(): Promise<void> {
    const browser = await this.browser?.catch(() => undefined);
    this.browser = undefined;
    this.context = undefined;
    this.idle.length = 0;
    await browser?.close();
  }
}
