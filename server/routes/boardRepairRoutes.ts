import { Router } from 'express';
import type { Boards } from '../board/Boards.js';
import type { SessionService } from '../sessions/SessionService.js';
import { requireFacilitator } from './authenticate.js';

/** `POST /api/sessions/:id/board/repair`: « Réparer le tableau », the facilitator removes what tldraw cannot open. */
export function boardRepairRoutes(sessions: SessionService, boards: Boards): Router {
  const router = Router({ mergeParams: true });
  router.post('/', async (req, res) => {
    const sessionId = (req.params as { id: string }).id;
    await requireFacilitator(req, sessions, sessionId);
    const { removed, schemaRestored } = await boards.repair(sessionId);
    res.json({ removed: removed.length, schemaRestored });
  });
  return router;
}
