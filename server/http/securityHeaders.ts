/**
 * HTTP security headers on every response (helmet): a strict Content
 * Security Policy, no referrer, no MIME sniffing, no framing by other
 * origins, HSTS when the instance is reached over HTTPS.
 *
 * The policy is data (`CspSources`) so a feature that needs one more source
 * (map tiles, a worker) adds it here, next to the reason, rather than
 * loosening the whole policy.
 */
import type { RequestHandler } from 'express';
import helmet from 'helmet';

type Directive =
  | 'default-src'
  | 'script-src'
  | 'style-src'
  | 'img-src'
  | 'font-src'
  | 'connect-src'
  | 'worker-src'
  | 'media-src'
  | 'frame-ancestors'
  | 'form-action'
  | 'base-uri'
  | 'object-src';

export type CspSources = Record<Directive, string[]>;

/** Where the browser reports violations; logged by `cspReportRoute`. */
export const CSP_REPORT_PATH = '/api/csp-report';

/**
 * What Trame's pages need, and why:
 * - styles: tldraw and React set `style` attributes and tldraw injects a few
 *   `<style>` elements at run time ('unsafe-inline' for styles only; scripts
 *   stay strictly same-origin);
 * - images: tldraw draws exports and pasted images from data: and blob: URLs;
 * - fonts: tldraw's fonts are bundled, some as data: URLs;
 * - connections: same origin, which in CSP 3 includes ws:/wss: to the same
 *   host (the Yjs and socket.io sockets), and data: (tldraw fetches its
 *   bundled translations as data: URLs; a data: URL carries nothing away);
 * - workers: blob: workers (tldraw's text measurement and map rendering).
 */
export function defaultCspSources(): CspSources {
  return {
    'default-src': ["'self'"],
    'script-src': ["'self'"],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'", 'data:'],
    'connect-src': ["'self'", 'data:'],
    'worker-src': ["'self'", 'blob:'],
    'media-src': ["'self'", 'blob:', 'data:'],
    'frame-ancestors': ["'none'"],
    'form-action': ["'self'"],
    'base-uri': ["'self'"],
    'object-src': ["'none'"],
  };
}

export interface SecurityHeaderOptions {
  /** Adds to the default sources, directive by directive. */
  extraSources?: Partial<CspSources>;
  /** The public address is HTTPS: HSTS on every response, not only those that came in over TLS. */
  https: boolean;
}

const HSTS = 'max-age=31536000';

export function securityHeaders(options: SecurityHeaderOptions): RequestHandler {
  const sources = defaultCspSources();
  for (const [directive, extra] of Object.entries(options.extraSources ?? {}) as [Directive, string[]][]) {
    sources[directive] = [...new Set([...sources[directive], ...extra])];
  }
  const headers = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        ...Object.fromEntries(Object.entries(sources).map(([k, v]) => [k, v])),
        'report-uri': [CSP_REPORT_PATH],
      },
    },
    referrerPolicy: { policy: 'no-referrer' },
    // Set below, per request: behind a TLS-terminating proxy only `req.secure` (trust proxy) knows.
    strictTransportSecurity: false,
    // `frame-ancestors 'none'` does it for current browsers; X-Frame-Options for the others.
    xFrameOptions: { action: 'deny' },
    // Cross-origin isolation would break nothing Trame needs but offers nothing either; kept at helmet's defaults.
    crossOriginEmbedderPolicy: false,
  });
  return (req, res, next) => {
    // Over plain HTTP the header is ignored by browsers, and would mislead whoever reads it.
    if (options.https || req.secure) res.setHeader('strict-transport-security', HSTS);
    headers(req, res, next);
  };
}
