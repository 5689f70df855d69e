import { Router, type Request } from 'express';
import type { Boards } from '../board/Boards.js';
import { pinsGeoJson } from '../export/pinsGeoJson.js';
import type { SessionService } from '../sessions/SessionService.js';
import { reportFileStem } from './exportRoutes.js';
import { requireFacilitator } from './authenticate.js';

/** `GET /api/sessions/:id/export/pins.geojson`: notes placed on a map, for a facilitator. */
export function pinsRoutes(deps: { sessions: SessionService; boards: Boards }): Router {
  const router = Router();
  router.get('/:id/export/pins.geojson', async (req: Request<{ id: string }>, res) => {
    await requireFacilitator(req, deps.sessions, req.params.id);
    const session = await deps.sessions.require(req.params.id);
    const records = await deps.boards.records(session.id);
    res.attachment(`${reportFileStem(session)}-reperes.geojson`);
    res.type('application/geo+json').send(JSON.stringify(pinsGeoJson(records)));
  });
  return router;
}
