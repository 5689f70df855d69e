import type { ReportData } from '../../shared/reportData.js';
import type { RetourData } from '../../shared/retourData.js';
import type { SuiteStatus, PublicSuite } from '../../shared/suites.js';

/** Done first: what a letter to participants leads with; « non retenue », with its reason, last. */
const PRINT_ORDER: SuiteStatus[] = ['realisee', 'en_cours', 'retenue', 'a_l_etude', 'non_retenue'];

/** The « Retour aux participant·es » of a session, from its anonymised report and its public suites. */
export function buildRetourData(report: ReportData, suites: PublicSuite[]): RetourData {
  const ordered = [...suites].sort((a, b) => PRINT_ORDER.indexOf(a.status) - PRINT_ORDER.indexOf(b.status) || b.votes.total - a.votes.total);
  return {
    kind: 'retour',
    title: report.title,
    instanceName: report.instanceName,
    date: report.date,
    territory: report.territory,
    themes: report.themes,
    summary: report.summary,
    participantsByCollege: report.participantsByCollege,
    counts: { people: report.counts.people, contributions: report.counts.contributions },
    suites: ordered,
    updatedAt: suites.reduce<string | null>((last, s) => (!last || s.updatedAt > last ? s.updatedAt : last), null),
    layout: { paper: 'A4', orientation: 'portrait' },
  };
}
