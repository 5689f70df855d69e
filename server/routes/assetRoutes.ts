import express, { Router, type NextFunction, type Request, type Response } from 'express';
import { z } from 'zod';
import { assetUrl } from '../../shared/assetUrls.js';
import { isSessionClosed } from '../../shared/roles.js';
import { assetReadOnly, assetTooLarge } from '../assets/assetErrors.js';
import type { AssetService } from '../assets/AssetService.js';
import { unauthorized } from '../errors.js';
import type { SessionService } from '../sessions/SessionService.js';
import { authenticate } from './authenticate.js';
import { validateBody } from './validateBody.js';

const readQuery = z.object({
  taille: z.enum(['vignette', 'originale'], { error: 'Taille attendue : vignette ou originale.' }).default('originale'),
  token: z.string().max(200).optional(),
});

export interface AssetRouteDeps {
  sessions: SessionService;
  assets: AssetService;
  maxUploadBytes: number;
}

/**
 * `/api/sessions/:id/assets`: facilitators and participants upload images
 * (the raw file as the body); anyone holding a token of the session, or anyone
 * for a published session, reads them.
 * Reads take the token in the query string too, as an `<img>` sends no header.
 */
export function assetRoutes(deps: AssetRouteDeps): Router {
  const { sessions, assets } = deps;
  const router = Router({ mergeParams: true });
  const raw = express.raw({ type: () => true, limit: deps.maxUploadBytes });
  const readBody = (req: Request, res: Response, next: NextFunction) =>
    raw(req, res, (err?: { type?: string }) => next(err?.type === 'entity.too.large' ? assetTooLarge(deps.maxUploadBytes) : err));

  router.post('/', async (req: Request<{ id: string }>, res, next) => {
    const session = await sessions.require(req.params.id);
    const principal = await authenticate(req, sessions, session.id);
    const mayUpload =
      principal.role === 'facilitator' || (principal.role === 'participant' && !isSessionClosed(session.status));
    if (!mayUpload) throw assetReadOnly();
    // The body is read only once the caller is known: a stranger's 20 MB are never buffered.
    readBody(req, res, (err?: unknown) => {
      if (err) return next(err);
      const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      assets
        .upload(session.id, body)
        .then((info) =>
          res.status(201).json({
            id: info.id,
            url: assetUrl(session.id, info.id),
            mimeType: info.mimeType,
            width: info.width,
            height: info.height,
          }),
        )
        .catch(next);
    });
  });

  router.get('/:assetId', async (req: Request<{ id: string; assetId: string }>, res) => {
    const query = validateBody(readQuery, req.query);
    const session = await sessions.require(req.params.id);
    const mayRead =
      session.published ||
      (query.token ? await sessions.access.resolveToken(session.id, query.token) : null) ||
      (req.get('authorization') ? await authenticate(req, sessions, session.id) : null);
    if (!mayRead) throw unauthorized();
    const { info, data } = await assets.read(session.id, req.params.assetId, query.taille === 'vignette' ? 'thumbnail' : 'image');
    // An asset never changes under its id; the token in the URL keys the cache to its holder.
    res.set('Cache-Control', 'private, max-age=31536000, immutable');
    res.set('Content-Security-Policy', "default-src 'none'; sandbox");
    res.set('X-Content-Type-Options', 'nosniff');
    res.type(info.mimeType).send(Buffer.from(data));
  });

  return router;
}
