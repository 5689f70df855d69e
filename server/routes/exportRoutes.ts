import { Router, type Response } from 'express';
import { z } from 'zod';
import { QueueFullError } from '../export/ReportQueue.js';
import type { ReportService } from '../export/ReportService.js';
import { contributionsCsv } from '../export/contributionsCsv.js';
import { buildSessionArchive } from '../export/sessionArchive.js';
import type { Boards } from '../board/Boards.js';
import type { AssetService } from '../assets/AssetService.js';
import type { SessionService } from '../sessions/SessionService.js';
import { requireFacilitator } from './authenticate.js';
import { validateBody } from './validateBody.js';

const reportQuery = z.object({
  paper: z.enum(['A4', 'A3'], { error: 'Format attendu : A4 ou A3.' }).default('A4'),
  orientation: z.enum(['landscape', 'portrait'], { error: 'Orientation attendue : landscape ou portrait.' }).default('landscape'),
  anonymous: z
    .enum(['0', '1', 'true', 'false'], { error: 'Valeur attendue : 1 ou 0.' })
    .default('0')
    .transform((v) => v === '1' || v === 'true'),
});

/** `2026-11-20-atelier-mobilite` : readable, safe on every file system. */
export function reportFileStem(session: { title: string; createdAt: string; description: { date: string | null } }): string {
  return fileStem(session.description.date ?? session.createdAt.slice(0, 10), session.title);
}

function fileStem(date: string, title: string): string {
  const slug = title
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80);
  return `${date}-${slug || 'atelier'}`;
}

/** Sends a report's PDF; a full queue answers 503 with the seconds to wait in Retry-After. */
export async function sendReportPdf(res: Response, fileStem: string, pdf: Promise<Buffer>): Promise<void> {
  try {
    const bytes = await pdf;
    res.attachment(`${fileStem}.pdf`);
    res.type('application/pdf').send(bytes);
  } catch (error) {
    if (error instanceof QueueFullError) res.set('Retry-After', String(error.retryAfterS));
    throw error;
  }
}

export function exportRoutes(deps: {
  sessions: SessionService;
  reports: ReportService;
  boards: Boards;
  assets: AssetService;
}): Router {
  const { sessions, reports } = deps;
  const router = Router();

  router.get('/:id/report.pdf', async (req, res) => {
    await requireFacilitator(req, sessions, req.params.id);
    const options = validateBody(reportQuery, req.query);
    const session = await sessions.require(req.params.id);
    await sendReportPdf(res, reportFileStem(session), reports.pdf(session.id, options));
  });

  /** The report's content as JSON, for a facilitator. */
  router.get('/:id/report-data', async (req, res) => {
    await requireFacilitator(req, sessions, req.params.id);
    res.json(await reports.reportData(req.params.id, validateBody(reportQuery, req.query)));
  });

  router.get('/:id/contributions.csv', async (req, res) => {
    await requireFacilitator(req, sessions, req.params.id);
    const options = validateBody(reportQuery, req.query);
    const session = await sessions.require(req.params.id);
    const csv = contributionsCsv(await reports.reportData(session.id, options));
    res.attachment(`${fileStem(session.createdAt.slice(0, 10), session.title)}-contributions.csv`);
    res.type('text/csv; charset=utf-8').send(csv);
  });

  router.get('/:id/archive', async (req, res) => {
    await requireFacilitator(req, sessions, req.params.id);
    const session = await sessions.require(req.params.id);
    const archive = await buildSessionArchive(deps, session);
    res.attachment(`${fileStem(session.createdAt.slice(0, 10), session.title)}.trame.json`);
    res.json(archive);
  });

  return router;
}
