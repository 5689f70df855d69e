import { Router, type Request } from 'express';
import { z } from 'zod';
import { DEVICE_TOKENS_HEADER, parseDeviceTokens } from '../../shared/deviceTokens.js';
import { PROJECT_ARCHIVE_MAX_BYTES } from '../../shared/limits.js';
import {
  carryOverSchema,
  characterisationSchema,
  projectCreateSchema,
  projectPatchSchema,
  projectQuery,
} from '../../shared/projects.js';
import { createSessionBody } from '../../shared/sessionSchemas.js';
import { carryTargetNotFound, invalidBody, projectNotFound, projectSessionNotFound } from '../errors.js';
import { readProjectOffThread } from '../export/offThread.js';
import { collectCarried, placeCarried, type CarryOverDeps } from '../projects/carryOver.js';
import type { ProjectService } from '../projects/ProjectService.js';
import { reportFileStem, sendReportPdf } from './exportRoutes.js';
import type { ReportService } from '../export/ReportService.js';
import { buildProjectReportData } from '../projects/projectReport.js';
import { gridProposals } from '../projects/gridProposals.js';
import { projectJourney, workshopIdeas, type JourneyDeps } from '../projects/projectJourney.js';
import { exportProject, importProject, type ProjectArchiveDeps } from '../projects/projectArchive.js';
import { publishProject } from '../projects/publishProject.js';
import { createSession } from '../sessions/commands/createSession.js';
import { presentSession } from '../sessions/SessionService.js';
import type { TemplateLibrary } from '../templates/TemplateLibrary.js';
import {
  facilitatedSessionIds,
  requireFacilitator,
  requireInstanceFacilitator,
  requireInstancePassword,
  type InstancePassword,
} from './authenticate.js';
import { validateBody } from './validateBody.js';
import { bodyParts, rawBodyInParts } from '../http/rawBodyInParts.js';

export interface ProjectRouteDeps extends CarryOverDeps, ProjectArchiveDeps, JourneyDeps {
  reports: ReportService;
  instanceName: string;
  templates: TemplateLibrary;
  password: InstancePassword;
}

/** The projects this device created, as proved by the tokens it sends (`x-trame-tokens`, beside its sessions'). */
async function ownedProjectIds(req: Request, projects: ProjectService): Promise<Set<string>> {
  const ids = new Set<string>();
  for (const { sessionId: id, token } of parseDeviceTokens(req.get(DEVICE_TOKENS_HEADER))) {
    if (await projects.holds(id, token)) ids.add(id);
  }
  return ids;
}

/** A project is its creator's device's: anyone else is told it does not exist. */
async function requireProjectOwner(req: Request, projects: ProjectService, id: string) {
  if (!(await ownedProjectIds(req, projects)).has(id)) throw projectNotFound();
  return projects.require(id);
}

const createInProjectBody = createSessionBody.extend({ carryOver: carryOverSchema.optional() });

/** `/api/projects`: projects (« démarches ») and their workshops, for the device that created them. */
export function projectRoutes(deps: ProjectRouteDeps): Router {
  const { projects, sessions } = deps;
  const router = Router();

  // Who may import is checked before a byte of the body is read, as for a session's archive.
  router.post(
    '/import',
    async (req, _res, next) => {
      await requireInstanceFacilitator(req, sessions, deps.password);
      next();
    },
    // Read as bytes, in parts, and checked in a worker thread, like a session's archive (export/offThread.ts).
    rawBodyInParts({ type: 'application/json', limit: PROJECT_ARCHIVE_MAX_BYTES }),
    async (req, res) => {
      const body = bodyParts(req.body);
      if (!body) throw invalidBody([{ path: '(archive)', message: 'Une archive de démarche Trame (JSON) est attendue.' }]);
      const { project: archive, boards } = await readProjectOffThread(body);
      const { project, access, grants } = await importProject(deps, archive, boards);
      res.status(201).json({ ...(await projects.present(project)), access, grants });
    },
  );

  router.post('/', async (req, res) => {
    const { password, ...input } = validateBody(projectCreateSchema, req.body);
    await requireInstancePassword(req, deps.password, password);
    const { project, access } = await projects.create(input);
    res.status(201).json({ ...(await projects.present(project)), access });
  });

  /** As for sessions: with a facilitator password its holders see every project; otherwise a device sees its own. */
  router.get('/', async (req, res) => {
    await requireInstancePassword(req, deps.password, req.get('x-trame-password'));
    const { q } = validateBody(projectQuery, req.query);
    const ids = deps.password.expected ? undefined : await ownedProjectIds(req, projects);
    const list = await projects.list({ q, ids });
    res.json({ projects: await Promise.all(list.map((p) => projects.present(p))) });
  });

  router.get('/:id', async (req, res) => {
    const project = await requireProjectOwner(req, projects, req.params.id);
    res.json(await projects.present(project));
  });

  /**
   * The description, workshops attached or detached (only sessions this device facilitates), and the project
   * in or out of the bank with its finished workshops.
   */
  router.patch('/:id', async (req, res) => {
    await requireProjectOwner(req, projects, req.params.id);
    const patch = validateBody(projectPatchSchema, req.body);
    const facilitated = await facilitatedSessionIds(req, sessions);
    let updated = await projects.patch(req.params.id, patch, (id) => facilitated.has(id));
    if (patch.published !== undefined) updated = await publishProject(deps, req.params.id, patch.published);
    res.json(await projects.present(updated));
  });

  /** A new workshop of the project, optionally started with ideas of earlier ones placed in one of its zones. */
  router.post('/:id/sessions', async (req, res) => {
    const project = await requireProjectOwner(req, projects, req.params.id);
    const { carryOver, ...body } = validateBody(createInProjectBody, req.body);
    await requireInstancePassword(req, deps.password, body.password);
    const templates = await deps.templates.resolve(body.templateIds ?? []);
    // Everything is checked before the session exists: a refused selection creates nothing.
    const carried = carryOver ? await collectCarried(deps, project.id, carryOver) : [];
    if (carryOver && !templateHasZone(templates, carryOver.target)) throw carryTargetNotFound();
    const { session, grant } = await createSession(deps.commands, { ...body, templates });
    await projects.adopt(project.id, session.id);
    if (carryOver) await placeCarried(deps.boards, session.id, carryOver.target, carried);
    res.status(201).json({ ...presentSession({ ...session, projectId: project.id }), access: grant });
  });

  /** Ideas of earlier workshops carried into one already made (its facilitator's bearer token). */
  router.post('/:id/sessions/:sessionId/carry-over', async (req, res) => {
    const project = await requireProjectOwner(req, projects, req.params.id);
    const session = await sessions.require(req.params.sessionId);
    await requireFacilitator(req, sessions, session.id);
    if (session.projectId !== project.id) throw projectNotFound();
    const input = validateBody(carryOverSchema, req.body);
    const carried = await collectCarried(deps, project.id, input, session.id);
    res.status(201).json({ noteIds: await placeCarried(deps.boards, session.id, input.target, carried) });
  });

  /** Each workshop with its key outputs and what it started from, oldest first. */
  router.get('/:id/journey', async (req, res) => {
    const project = await requireProjectOwner(req, projects, req.params.id);
    res.json({ workshops: await projectJourney(deps, project.id) });
  });

  /** What a workshop of the project gave, to pick ideas from for the next one. */
  router.get('/:id/sessions/:sessionId/ideas', async (req, res) => {
    const project = await requireProjectOwner(req, projects, req.params.id);
    const session = await sessions.get(req.params.sessionId);
    if (session?.projectId !== project.id) throw projectSessionNotFound([req.params.sessionId]);
    res.json(await workshopIdeas(deps, session.id));
  });

  /** The project's report: the journey on one page, each workshop's essentials, the characterisation over time. */
  router.get('/:id/report.pdf', async (req, res) => {
    const project = await requireProjectOwner(req, projects, req.params.id);
    const data = buildProjectReportData(project, await projectJourney(deps, project.id), { instanceName: deps.instanceName });
    const stem = reportFileStem({ title: project.title, createdAt: project.createdAt, description: { date: null } });
    await sendReportPdf(res, `${stem}-demarche`, deps.reports.pdfOf(`project:${project.id}`, data));
  });

  /** What the workshop's grille canvas proposes for the characterisation (confirmed, or not, in the form). */
  router.get('/:id/sessions/:sessionId/grid-proposals', async (req, res) => {
    const project = await requireProjectOwner(req, projects, req.params.id);
    const session = await sessions.get(req.params.sessionId);
    if (session?.projectId !== project.id) throw projectSessionNotFound([req.params.sessionId]);
    res.json({ proposals: await gridProposals(deps.boards, session.id) });
  });

  router.get('/:id/archive', async (req, res) => {
    const project = await requireProjectOwner(req, projects, req.params.id);
    const archive = await exportProject(deps, project);
    res.attachment(`${reportFileStem({ title: project.title, createdAt: project.createdAt, description: { date: null } })}.demarche.trame.json`);
    res.json(archive);
  });

  /** A dated update of the characterisation grid. */
  router.post('/:id/characterisation', async (req, res) => {
    await requireProjectOwner(req, projects, req.params.id);
    const updated = await projects.characterise(req.params.id, validateBody(characterisationSchema, req.body));
    res.status(201).json(await projects.present(updated));
  });

  return router;
}

function templateHasZone(templates: { id: string; canvas: { elements: { kind: string; id?: string }[] } }[], target: z.infer<typeof carryOverSchema>['target']): boolean {
  return templates.some((t) => t.id === target.templateId && t.canvas.elements.some((e) => e.kind === 'zone' && e.id === target.zoneId));
}
