import { Router } from 'express';
import { saveBoardAsTemplateBody, templateListQuery } from '../../shared/templateApi.js';
import { templateSchema } from '../../shared/templateSchema.js';
import type { Boards } from '../board/Boards.js';
import type { SessionService } from '../sessions/SessionService.js';
import { presentTemplateSummary, type TemplateLibrary } from '../templates/TemplateLibrary.js';
import { templateFromBoard } from '../templates/templateFromBoard.js';
import { templatePreviewSvg } from '../templates/templatePreviewSvg.js';
import { requireFacilitator, requireInstanceFacilitator, type InstancePassword } from './authenticate.js';
import { validateBody } from './validateBody.js';

export function templateRoutes(
  templates: TemplateLibrary,
  sessions: SessionService,
  boards: Boards,
  password: InstancePassword,
): Router {
  const router = Router();

  router.get('/', async (req, res) => {
    const { phase } = validateBody(templateListQuery, req.query);
    res.json({ templates: await templates.list(phase) });
  });

  router.get('/:id', async (req, res) => {
    res.json(await templates.require(req.params.id));
  });

  router.get('/:id/export', async (req, res) => {
    const template = await templates.require(req.params.id);
    res.attachment(`${template.id}.trame.json`).type('application/json').send(JSON.stringify(template, null, 2));
  });

  router.get('/:id/preview.svg', async (req, res) => {
    const template = await templates.require(req.params.id);
    res.type('image/svg+xml').set('cache-control', 'public, max-age=300').send(templatePreviewSvg(template));
  });

  /** Either an exported template file (import), or `{ fromSessionId, … }` (save a board). */
  router.post('/', async (req, res) => {
    const isSave = typeof req.body === 'object' && req.body !== null && 'fromSessionId' in req.body;
    let candidate: unknown = req.body;
    if (isSave) {
      const body = validateBody(saveBoardAsTemplateBody, req.body);
      await requireFacilitator(req, sessions, body.fromSessionId);
      const session = await sessions.require(body.fromSessionId);
      const records = await boards.records(session.id);
      const sources = await Promise.all((session.templateIds ?? []).map((id) => templates.get(id)));
      candidate = templateFromBoard(body, session, records, sources.filter((t) => t !== undefined));
    } else {
      await requireInstanceFacilitator(req, sessions, password);
    }
    // Validated whole before anything is written: an invalid file leaves the library untouched.
    const template = validateBody(templateSchema, candidate);
    const { replaced } = await templates.save(template);
    res.status(replaced ? 200 : 201).json(presentTemplateSummary(template, false));
  });

  return router;
}
