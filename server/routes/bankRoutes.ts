import { Router } from 'express';
import { sessionQuery, type BankEntryView } from '../../shared/sessionSchemas.js';
import { sessionNotFound } from '../errors.js';
import type { SessionService } from '../sessions/SessionService.js';
import type { SessionRecord } from '../sessions/sessionRecord.js';
import type { ReportService } from '../export/ReportService.js';
import { reportFileStem, sendReportPdf } from './exportRoutes.js';
import type { PublishedBoards } from '../bank/PublishedBoards.js';
import { validateBody } from './validateBody.js';
import type { SuiteService } from '../suites/SuiteService.js';
import { bankFollowUpQuery, type SuiteFollowUpCounts } from '../../shared/suites.js';

/** What the public bank shows of a workshop: its description, never its people or its join code. */
function presentBankEntry(session: SessionRecord, followUp: SuiteFollowUpCounts): BankEntryView {
  return {
    id: session.id,
    title: session.title,
    createdAt: session.createdAt,
    description: session.description,
    publishedAt: session.publishedAt ?? session.updatedAt,
    followUp,
  };
}

/** The public "Banque des ateliers": published sessions only, for anyone. */
export function bankRoutes(sessions: SessionService, reports: ReportService, published: PublishedBoards, suites: SuiteService): Router {
  const router = Router();

  /** `?suites=retenues|realisees`: only workshops with at least one idea taken on, or done. */
  router.get('/', async (req, res) => {
    const query = validateBody(sessionQuery, req.query);
    const { suites: followUp } = validateBody(bankFollowUpQuery, req.query);
    const list = (await sessions.list(query)).filter((s) => s.published);
    const counts = await suites.followUps(list.map((s) => s.id));
    const entries = list.filter((s) => !followUp || counts.get(s.id)![followUp] > 0);
    res.json({ entries: entries.map((s) => presentBankEntry(s, counts.get(s.id)!)) });
  });

  router.get('/:id', async (req, res) => {
    const session = await sessions.get(req.params.id);
    if (!session?.published) throw sessionNotFound();
    res.json(presentBankEntry(session, (await suites.followUps([session.id])).get(session.id)!));
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
