import type { RequestHandler } from 'express';
import type { ServerMetrics } from './createMetrics.js';

/** Counts each join request by its answer, whichever layer (validation, throttling, lookup) gave it. */
export function countJoinAttempts(metrics: ServerMetrics): RequestHandler {
  return (req, res, next) => {
    if (req.method === 'POST') res.once('finish', () => metrics.joinAttempt(res.statusCode));
    next();
  };
}
