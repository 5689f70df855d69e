/**
 * Serves the built client. Vite names every asset after its content hash, so
 * `/assets/*` never changes under a name: browsers keep it a year without
 * asking again, and get the brotli or gzip copy written at build time
 * (scripts/precompress.mjs). Everything else, index.html first, is revalidated
 * on each load so a new version reaches phones at once.
 */
import path from 'node:path';
import express, { type Request, type Response, type Router } from 'express';
import expressStaticGzip from 'express-static-gzip';
import { BOARD_PAGE_HTML, BOARD_PAGE_ROUTES } from '../../shared/paths.js';

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
  const page = (file: string) => (_req: Request, res: Response) =>
    res.sendFile(path.join(clientDir, file), { headers: { 'Cache-Control': REVALIDATE }, cacheControl: false });
  // The join page and a board's link name, beside the application, the code of a phone's list of ideas (vite.config.ts).
  router.get(BOARD_PAGE_ROUTES, page(BOARD_PAGE_HTML));
  // Every other client-side route (/banque, /nouvel-atelier…) loads the same page.
  router.get(/.*/, page('index.html'));
  return router;
}
