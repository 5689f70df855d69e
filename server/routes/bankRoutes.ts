import { Router } from 'express';
import { sessionQuery, type BankEntryView } from '../../shared/sessionSchemas.js';
import { sessionNotFound } from '../errors.js';
import type { SessionService } from '../sessions/SessionService.js';
import type { SessionRecord } from '../sessions/sessionRecord.js';
import type { ReportService } from '../export/ReportService.js';
import { reportFileStem, sendReportPdf } from './exportRoutes.js';
import type { PublishedBoards } from '../bank/PublishedBoards.js';
import { validateBody } from './validateBody.js';

/** What the public bank shows of a workshop: its description, never its people or its join code. */
function presentBankEntry(session: SessionRecord): BankEntryView {
  return {
    id: session.id,
    title: session.title,
    createdAt: session.createdAt,
    description: session.description,
    publishedAt: session.publishedAt ?? session.updatedAt,
  };
}

/** The public "Banque des ateliers": published sessions only, for anyone. */
export function bankRoutes(sessions: SessionService, reports: ReportService, published: PublishedBoards): Router {
  const router = Router();

  router.get('/', async (req, res) => {
    const query = validateBody(sessionQuery, req.query);
    const list = (await sessions.list(query)).filter((s) => s.published);
    res.json({ entries: list.map(presentBankEntry) });
  });

  router.get('/:id', async (req, res) => {
    const session = await sessions.get(req.params.id);
    if (!session?.published) throw sessionNotFound();
    res.json(presentBankEntry(session));
  });

  /** The anonymised copy written at publication: the only board a visitor ever receives. */
  router.get('/:id/board', async (req, res) => {
    const session = await sessions.get(req.params.id);
    if (!session?.published) throw sessionNotFound();
    res.json(await published.read(session));
  });

  /**
   * The published workshop's report, made from the bank's anonymised copy:
   * the bank never shows who said what. Anonymous visitors wait behind
   * facilitators; the PDF is rendered once per published version and then
   * served from the cache.
   */
  router.get('/:id/report.pdf', async (req, res) => {
    const session = await sessions.get(req.params.id);
    if (!session?.published) throw sessionNotFound();
    await sendReportPdf(res, reportFileStem(session), reports.bankPdf(session.id));
  });

  return router;
}
