import express, { Router } from 'express';
import type { Logger } from '../logger.js';

/** Keeps a logged URL free of its query and fragment, where tokens travel. */
function withoutQuery(url: unknown): string | undefined {
  if (typeof url !== 'string') return undefined;
  return url.split(/[?#]/)[0]!.slice(0, 300);
}

/**
 * Browsers report Content Security Policy violations here: a violation in
 * production is either an attack or a page the policy forgot, and both
 * deserve a line in the log. Bodies are small and nothing is answered.
 */
export function cspReportRoute(log: Logger): Router {
  const router = Router();
  router.post(
    '/',
    express.json({ type: ['application/csp-report', 'application/json', 'application/reports+json'], limit: '16kb' }),
    (req, res) => {
      const body = (req.body ?? {}) as { 'csp-report'?: Record<string, unknown> };
      const report = body['csp-report'] ?? {};
      log.warn(
        {
          directive: report['effective-directive'] ?? report['violated-directive'],
          blocked: withoutQuery(report['blocked-uri']),
          page: withoutQuery(report['document-uri']),
        },
        'content security policy violation',
      );
      res.status(204).end();
    },
  );
  return router;
}
