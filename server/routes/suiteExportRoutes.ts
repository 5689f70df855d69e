import { Router, type Request } from 'express';
import type { Boards } from '../board/Boards.js';
import { dataPackageQuery, dataPackageZip } from '../export/dataPackage.js';
import { decidimMeetingJson, decidimMeetingMarkdown } from '../export/decidimMeeting.js';
import { decidimCsv, decidimQuery, decidimRows } from '../export/decidimProposals.js';
import { pinsGeoJson } from '../export/pinsGeoJson.js';
import { BANK_REPORT, type ReportService } from '../export/ReportService.js';
import type { SessionService } from '../sessions/SessionService.js';
import { presentPublicSuite, presentSuite, type SuiteService } from '../suites/SuiteService.js';
import { requireFacilitator } from './authenticate.js';
import { reportFileStem, sendReportPdf } from './exportRoutes.js';
import { validateBody } from './validateBody.js';

/**
 * `/api/sessions/:id/export/…`: the suites handed to the tools that carry them on, for facilitators —
 * Decidim's proposal import file (`decidim.csv`, `.json`), Decidim's meeting closing report
 * (`decidim-meeting.md`, `.json`), the open data package (`datapackage.zip`) and the « Retour aux
 * participant·es » PDF (`retour.pdf`). Everything but the
 * proposals' own text is anonymised, as in the bank.
 */
export function suiteExportRoutes(deps: { sessions: SessionService; suites: SuiteService; reports: ReportService; boards: Boards }): Router {
  const { sessions, suites, reports } = deps;
  const router = Router({ mergeParams: true });
  const authorized = async (req: Request) => {
    const sessionId = (req.params as { id: string }).id;
    await requireFacilitator(req, sessions, sessionId);
    return sessions.require(sessionId);
  };
  const publicSuites = async (sessionId: string) => (await suites.list(sessionId)).map(presentPublicSuite);

  for (const format of ['csv', 'json'] as const) {
    router.get(`/decidim.${format}`, async (req, res) => {
      const session = await authorized(req);
      const options = validateBody(decidimQuery, req.query);
      const list = (await suites.list(session.id)).map(presentSuite);
      res.attachment(`decidim-propositions.${format}`);
      if (format === 'json') res.json(decidimRows(list, options));
      else res.type('text/csv; charset=utf-8').send(decidimCsv(list, options));
    });
  }

  for (const format of ['md', 'json'] as const) {
    router.get(`/decidim-meeting.${format}`, async (req, res) => {
      const session = await authorized(req);
      const [report, list] = await Promise.all([reports.reportData(session.id, BANK_REPORT), publicSuites(session.id)]);
      res.attachment(`${reportFileStem(session)}-decidim-rencontre.${format}`);
      if (format === 'json') res.json(decidimMeetingJson(report, list));
      else res.type('text/markdown; charset=utf-8').send(decidimMeetingMarkdown(report, list));
    });
  }

  /** « Retour aux participant·es »: the one-page PDF a town hall sends back, anonymised. */
  router.get('/retour.pdf', async (req, res) => {
    const session = await authorized(req);
    await sendReportPdf(res, `${reportFileStem(session)}-retour-participants`, reports.retourPdf(session.id));
  });

  router.get('/datapackage.zip', async (req, res) => {
    const session = await authorized(req);
    const options = validateBody(dataPackageQuery, req.query);
    const [report, list, records] = await Promise.all([
      reports.reportData(session.id, BANK_REPORT),
      publicSuites(session.id),
      deps.boards.records(session.id),
    ]);
    const name = reportFileStem(session);
    const zip = dataPackageZip({ report, suites: list, pins: pinsGeoJson(records), name, createdAt: new Date() }, options);
    res.attachment(`${name}-donnees.zip`);
    res.type('application/zip').send(Buffer.from(zip));
  });

  return router;
}
