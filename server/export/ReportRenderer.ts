/**
 * Renders PDF reports in headless Chromium: the report page draws each canvas
 * with tldraw itself (vector SVG, real text), and Chromium prints it. One
 * browser is shared by all renders; renders wait in a queue of limited
 * concurrency and give up cleanly after a timeout.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { ApiError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { Metrics } from '../metrics/Metrics.js';
import type { ReportOptions } from './buildReportData.js';
import { pagePaths } from '../../shared/paths.js';

export interface RenderGrant {
  sessionId: string;
  options: ReportOptions;
}

export interface ReportRendererOptions {
  chromiumPath: string;
  timeoutMs: number;
  concurrency: number;
  /** Where the page is served from, as this process reaches itself. */
  baseUrl: () => string;
  log: Logger;
  metrics?: Metrics;
}

export const chromiumMissing = (path: string) =>
  new ApiError(
    503,
    'pdf_unavailable',
    `L'export PDF a besoin de Chromium, introuvable ici (${path}). Installez-le (« apt-get install chromium ») ou indiquez son chemin dans CHROMIUM_PATH.`,
  );

const renderTimeout = () =>
  new ApiError(504, 'pdf_timeout', "Le compte rendu a mis trop de temps à se générer. Réessayez dans un instant.");

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
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  private readonly grants = new Map<string, RenderGrant>();

  constructor(private readonly options: ReportRendererOptions) {}

  /** The render a token stands for, while that render runs. */
  grant(token: string | undefined | null): RenderGrant | undefined {
    return token ? this.grants.get(token) : undefined;
  }

  async render(sessionId: string, options: ReportOptions): Promise<Buffer> {
    if (!existsSync(this.options.chromiumPath)) throw chromiumMissing(this.options.chromiumPath);
    await this.slot();
    const started = performance.now();
    let rendered: 'ok' | 'timeout' | 'error' = 'error';
    const token = randomBytes(24).toString('base64url');
    this.grants.set(token, { sessionId, options });
    const browser = await this.launch();
    const context = await browser.newContext({ locale: 'fr-FR' });
    try {
      await blockOtherOrigins(context, this.options.baseUrl());
      const page = await context.newPage();
      page.setDefaultTimeout(this.options.timeoutMs);
      await page.goto(`${this.options.baseUrl()}${pagePaths.report(sessionId, token)}`);
      const outcome = await page
        .waitForFunction(() => (globalThis as { trameReport?: string }).trameReport, undefined, {
          timeout: this.options.timeoutMs,
        })
        .then((h) => h.jsonValue() as Promise<string>)
        .catch(() => 'timeout');
      if (outcome === 'timeout') throw renderTimeout();
      if (outcome !== 'ready') throw new Error(`report page failed: ${outcome}`);
      const pdf = await page.pdf({
        format: options.paper,
        landscape: true,
        printBackground: true,
        displayHeaderFooter: true,
        headerTemplate: '<span></span>',
        footerTemplate:
          '<div style="font-size:9px;width:100%;text-align:center;color:#444">Page <span class="pageNumber"></span> / <span class="totalPages"></span></div>',
        margin: { top: '12mm', bottom: '14mm', left: '12mm', right: '12mm' },
      });
      rendered = 'ok';
      return pdf;
    } catch (error) {
      if (error instanceof ApiError && error.code === 'pdf_timeout') rendered = 'timeout';
      throw error;
    } finally {
      this.options.metrics?.pdfRendered((performance.now() - started) / 1000, rendered);
      this.grants.delete(token);
      await context.close().catch(() => undefined);
      this.release();
    }
  }

  private launch(): Promise<Browser> {
    this.browser ??= chromium
      .launch({
        executablePath: this.options.chromiumPath,
        args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
      })
      .then((browser) => {
        browser.on('disconnected', () => (this.browser = undefined));
        return browser;
      })
      .catch((err) => {
        this.browser = undefined;
        this.options.log.error({ err }, 'chromium failed to start');
        throw chromiumMissing(this.options.chromiumPath);
      });
    return this.browser;
  }

  /** Renders waiting for a slot. */
  get queueLength(): number {
    return this.waiting.length;
  }

  private async slot(): Promise<void> {
    if (this.running < this.options.concurrency) {
      this.running += 1;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.running -= 1;
  }

  async close(): Promise<void> {
    const browser = await this.browser?.catch(() => undefined);
    this.browser = undefined;
    await browser?.close();
  }
}
