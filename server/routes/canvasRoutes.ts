import { Router } from 'express';
import { addCanvasBody, lockCanvasBody } from '../../shared/sessionSchemas.js';
import type { Boards } from '../board/Boards.js';
import { canvasNotFound } from '../errors.js';
import { presentSession, type SessionService } from '../sessions/SessionService.js';
import type { TemplateImages } from '../templates/TemplateImages.js';
import type { TemplateLibrary } from '../templates/TemplateLibrary.js';
import { requireFacilitator } from './authenticate.js';
import { validateBody } from './validateBody.js';

/** `/api/sessions/:id/canvases`: the facilitator adds library canvases to the board and (un)locks them, live. */
export function canvasRoutes(
  sessions: SessionService,
  templates: TemplateLibrary,
  boards: Boards,
  images: TemplateImages,
  /** The canvas's steps joined the déroulé: facilitation tells everyone. */
  onCanvasAdded: (sessionId: string) => void,
): Router {
  const router = Router({ mergeParams: true });

  router.post('/', async (req, res) => {
    const sessionId = (req.params as { id: string }).id;
    await requireFacilitator(req, sessions, sessionId);
    const { templateId } = validateBody(addCanvasBody, req.body);
    const template = await templates.require(templateId);
    await images.copyToSession([template], sessionId);
    // Drawn through the loaded room so that connected clients receive the shapes as one update.
    const [canvas] = await boards.addCanvases(sessionId, [template]);
    const session = await sessions.addCanvas(sessionId, template, canvas!);
    onCanvasAdded(sessionId);
    res.status(201).json({ canvasId: canvas!.canvasId, templateId, session: presentSession(session) });
  });

  /** `{ locked }`: the facilitator frees a canvas's scaffolding to rearrange it, then locks it again. */
  router.patch('/:canvasId', async (req, res) => {
    const { id: sessionId, canvasId } = req.params as { id: string; canvasId: string };
    await requireFacilitator(req, sessions, sessionId);
    const { locked } = validateBody(lockCanvasBody, req.body);
    const count = await boards.setCanvasLocked(sessionId, canvasId, locked);
    if (count === 0) throw canvasNotFound();
    res.json({ canvasId, locked });
  });

  return router;
}
