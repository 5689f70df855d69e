import { Router } from 'express';
import { saveBoardAsTemplateBody, templateListQuery } from '../../shared/templateApi.js';
import { templateFileAssets, templateSchema, type Template } from '../../shared/templateSchema.js';
import type { Boards } from '../board/Boards.js';
import type { SessionService } from '../sessions/SessionService.js';
import { presentTemplateSummary, type TemplateLibrary } from '../templates/TemplateLibrary.js';
import { templateFromBoard } from '../templates/templateFromBoard.js';
import type { TemplateImages } from '../templates/TemplateImages.js';
import { templatePreviewSvg } from '../templates/templatePreviewSvg.js';
import { requireFacilitator, requireInstanceFacilitator, type InstancePassword } from './authenticate.js';
import { validateBody } from './validateBody.js';

export function templateRoutes(
  templates: TemplateLibrary,
  sessions: SessionService,
  boards: Boards,
  images: TemplateImages,
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
    const assets = await images.export(template);
    const file = assets.length > 0 ? { ...template, assets } : template;
    res.attachment(`${template.id}.trame.json`).type('application/json').send(JSON.stringify(file, null, 2));
  });

  router.get('/:id/preview.svg', async (req, res) => {
    const template = await templates.require(req.params.id);
    res.type('image/svg+xml').set('cache-control', 'public, max-age=300').send(templatePreviewSvg(template));
  });

  /** Either an exported template file (import), or `{ fromSessionId, … }` (save a board). */
  router.post('/', async (req, res) => {
    const isSave = typeof req.body === 'object' && req.body !== null && 'fromSessionId' in req.body;
    let candidate: unknown = req.body;
    let storeImages: (template: Template) => Promise<void>;
    if (isSave) {
      const body = validateBody(saveBoardAsTemplateBody, req.body);
      await requireFacilitator(req, sessions, body.fromSessionId);
      const session = await sessions.require(body.fromSessionId);
      const records = await boards.records(session.id);
      const sources = await Promise.all((session.templateIds ?? []).map((id) => templates.get(id)));
      candidate = templateFromBoard(body, session, records, sources.filter((t) => t !== undefined));
      storeImages = (template) => images.saveFrom(session.id, template);
    } else {
      await requireInstanceFacilitator(req, sessions, password);
      const raw = (req.body as { assets?: unknown } | null)?.assets;
      const assets = raw === undefined ? [] : validateBody(templateFileAssets, raw);
      storeImages = async (template) => (await images.prepareImport(template, assets))();
    }
    // Validated whole before anything is written: an invalid file leaves the library untouched.
    const template = validateBody(templateSchema, candidate);
    templates.assertWritable(template.id);
    // Images first: a template is listed only once the images it lies on are stored.
    await storeImages(template);
    const { replaced } = await templates.save(template);
    res.status(replaced ? 200 : 201).json(presentTemplateSummary(template, false));
  });

  return router;
}
