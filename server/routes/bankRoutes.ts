import { Router } from 'express';
import { sessionQuery } from '../../shared/sessionSchemas.js';
import { sessionNotFound } from '../errors.js';
import type { SessionService } from '../sessions/SessionService.js';
import type { ReportService } from '../export/ReportService.js';
import { reportFileStem, sendReportPdf } from './exportRoutes.js';
import type { PublishedBoards } from '../bank/PublishedBoards.js';
import { validateBody } from './validateBody.js';
import type { SuiteService } from '../suites/SuiteService.js';
import { bankFollowUpQuery } from '../../shared/suites.js';
import { presentEssentials } from '../bank/presentEssentials.js';
import { BankEssentialsCache } from '../bank/BankEssentialsCache.js';
import type { BankProjects } from '../bank/BankProjects.js';
import { presentBankEntry } from '../bank/presentBankEntry.js';

/** The public "Banque des ateliers": published sessions only, for anyone. */
export function bankRoutes(
  sessions: SessionService,
  reports: ReportService,
  published: PublishedBoards,
  suites: SuiteService,
  projects: BankProjects,
): Router {
  const router = Router();
  const essentials = new BankEssentialsCache();

  /** `?suites=retenues|realisees`: only workshops with at least one idea taken on, or done. */
  router.get('/', async (req, res) => {
    const query = validateBody(sessionQuery, req.query);
    const { suites: followUp } = validateBody(bankFollowUpQuery, req.query);
    const found = (await sessions.find(query)).filter(({ session }) => session.published);
    const counts = await suites.followUps(found.map(({ session }) => session.id));
    const entries = found.filter(({ session }) => !followUp || counts.get(session.id)![followUp] > 0);
    // A published project is one entry: its workshops are listed in it, not beside it.
    const textOnly = !followUp && Object.entries(query).every(([key, value]) => key === 'q' || value === undefined);
    const folding = await projects.list(
      entries.map(({ session }) => session),
      textOnly ? { q: query.q } : null,
    );
    res.json({
      projects: folding.projects,
      entries: entries
        .filter(({ session }) => !folding.folded.has(session.id))
        .map(({ session, match }) => ({ ...presentBankEntry(session, counts.get(session.id)!), ...(match ? { match } : {}) })),
    });
  });

  /** A published project (« démarche ») with its workshops; before `/:id`, which would take « projects » for a session. */
  router.get('/projects/:id', async (req, res) => {
    res.json(await projects.view(req.params.id));
  });

  router.get('/:id', async (req, res) => {
    const session = await sessions.get(req.params.id);
    if (!session?.published) throw sessionNotFound();
    const project = await projects.of(session);
    res.json({ ...presentBankEntry(session, (await suites.followUps([session.id])).get(session.id)!), ...(project ? { project } : {}) });
  });

  /** The anonymised copy written at publication: the only board a visitor ever receives. */
  router.get('/:id/board', async (req, res) => {
    const session = await sessions.get(req.params.id);
    if (!session?.published) throw sessionNotFound();
    res.json(await published.read(session));
  });

  /** What the entry page prints as text under the board: the report's essentials, no one named. */
  router.get('/:id/essentials', async (req, res) => {
    const session = await sessions.get(req.params.id);
    if (!session?.published) throw sessionNotFound();
    res.json(await essentials.get(session.id, session.updatedAt, async () => presentEssentials(await reports.bankReportData(session.id))));
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
