import { Router } from 'express';
import { addCanvasBody } from '../../shared/sessionSchemas.js';
import { drawCanvasesInDoc } from '../board/drawCanvases.js';
import type { BoardRegistry } from '../collaboration/BoardRegistry.js';
import { presentSession, type SessionService } from '../sessions/SessionService.js';
import type { TemplateLibrary } from '../templates/TemplateLibrary.js';
import { requireFacilitator } from './authenticate.js';
import { validateBody } from './validateBody.js';

/** `/api/sessions/:id/canvases`: the facilitator adds a library canvas to the board, live. */
export function canvasRoutes(sessions: SessionService, templates: TemplateLibrary, registry: BoardRegistry): Router {
  const router = Router({ mergeParams: true });

  router.post('/', async (req, res) => {
    const sessionId = (req.params as { id: string }).id;
    await requireFacilitator(req, sessions, sessionId);
    const { templateId } = validateBody(addCanvasBody, req.body);
    const template = await templates.require(templateId);
    // Drawn through the loaded room so that connected clients receive the shapes as one update.
    const [canvas] = await registry.withBoard(sessionId, (room) => drawCanvasesInDoc(room.doc, [template]));
    const session = await sessions.addCanvas(sessionId, template, canvas!);
    res.status(201).json({ canvasId: canvas!.canvasId, templateId, session: presentSession(session) });
  });

  return router;
}
