/**
 * `GET /metrics` in Prometheus format, for the bearer of METRICS_TOKEN only:
 * the figures reveal activity (how many people, when). Without a token set
 * the route does not exist.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { Router } from 'express';
import type { Registry } from 'prom-client';
import { ApiError } from '../errors.js';

const digest = (value: string) => createHash('sha256').update(value).digest();

export function metricsRoute(registry: Registry, token: string): Router {
  const expected = digest(token);
  const router = Router();
  router.get('/', async (req, res) => {
    const given = /^Bearer (.+)$/.exec(req.get('authorization') ?? '')?.[1];
    res.setHeader('Cache-Control', 'no-store');
    // Hashes have one length: the comparison takes the same time whatever was sent.
    if (!given || !timingSafeEqual(digest(given), expected)) {
      res.setHeader('WWW-Authenticate', 'Bearer realm="metrics"');
      throw new ApiError(401, 'unauthorized', 'Jeton de supervision (METRICS_TOKEN) absent ou invalide.');
    }
    res.type(registry.contentType).send(await registry.metrics());
  });
  return router;
}
