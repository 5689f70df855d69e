/**
 * Serves the built client. Vite names every asset after its content hash, so
 * `/assets/*` never changes under a name: browsers keep it a year without
 * asking again, and get the brotli or gzip copy written at build time
 * (scripts/precompress.mjs). Everything else, index.html first, is revalidated
 * on each load so a new version reaches phones at once.
 */
import path from 'node:path';
import express, { type Router } from 'express';
import expressStaticGzip from 'express-static-gzip';

const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';

export function clientRoutes(clientDir: string): Router {
  const router = express.Router();
  router.use(
    expressStaticGzip(clientDir, {
      enableBrotli: true,
      orderPreference: ['br', 'gz'],
      index: false,
      serveStatic: {
        cacheControl: false,
        setHeaders: (res, file) => {
          const hashed = path.relative(clientDir, file).split(path.sep)[0] === 'assets';
          res.setHeader('Cache-Control', hashed ? IMMUTABLE : REVALIDATE);
        },
      },
    }),
  );
  // Client-side routes (/s/<id>, /bibliotheque…) all load the same page.
  router.get(/.*/, (_req, res) =>
    res.sendFile(path.join(clientDir, 'index.html'), { headers: { 'Cache-Control': REVALIDATE }, cacheControl: false }),
  );
  return router;
}
