/**
 * The closing report of a Decidim meeting, from a session: the fields of Decidim's « Clôturer la rencontre »
 * form (closing report, attendees count, contributions count, attending organisations, linked proposals) with
 * the attendees by collège, as JSON, and the report as Markdown to paste or file. Anonymised like the bank:
 * counts by collège, never names. Proposals are named by title, as in `decidim.csv`, so that once imported
 * they can be linked to the meeting.
 */
import type { ReportData } from '../../shared/reportData.js';
import { COLLEGES, COLLEGE_LABELS } from '../../shared/roles.js';
import { SUITE_STATUS_LABELS, type PublicSuite } from '../../shared/suites.js';

/** Ideas quoted in the report: the most supported ones. */
const TOP_IDEAS = 5;

export interface DecidimMeetingReport {
  closing_report: { fr: string };
  attendees_count: number;
  attendees_count_by_college: Record<string, number>;
  contributions_count: number;
  attending_organizations: string;
  proposals: { title: { fr: string }; status: string; reason: string | null; address: string | null }[];
}

/** Markdown is not HTML-escaped by readers: a line starting with #, -, > or a number would change the structure. */
const inline = (text: string) =>
  text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/([\\`*_[\]<>#|])/g, '\\$1')
    .replace(/^(\d+)\./, '$1\\.')
    .replace(/^([-+=])/, '\\$1');

export function decidimMeetingMarkdown(report: ReportData, suites: PublicSuite[]): string {
  const lines: string[] = [`# Compte rendu de la rencontre « ${inline(report.title)} »`, ''];
  lines.push(`${report.date}${report.territory ? ` · ${inline(report.territory.name)}` : ''}${report.format ? ` · ${inline(report.format)}` : ''}`, '');
  if (report.summary) lines.push(inline(report.summary), '');
  lines.push('## Participation', '');
  const byCollege = COLLEGES.filter((c) => report.participantsByCollege[c]).map((c) => `${COLLEGE_LABELS[c]} : ${report.participantsByCollege[c]}`);
  lines.push(`- Personnes présentes : ${report.counts.people}${byCollege.length ? ` (${byCollege.join(', ')})` : ''}`);
  lines.push(`- Contributions : ${report.counts.contributions}`);
  if (report.voteHeld) lines.push(`- Vote : ${report.counts.dots} points posés par ${report.counts.voters} personnes`);
  lines.push('');
  const top = report.votes.slice(0, TOP_IDEAS);
  if (top.length > 0) {
    lines.push('## Les idées les plus soutenues', '');
    for (const idea of top) lines.push(`${idea.rank}. ${inline(idea.text)} (${idea.total} point${idea.total > 1 ? 's' : ''})`);
    lines.push('');
  }
  lines.push('## Propositions issues de la rencontre', '');
  if (suites.length === 0) lines.push('Aucune proposition pour le moment.');
  for (const suite of suites) {
    const reason = suite.history.at(-1)?.reason;
    const place = suite.placeName ? ` — ${inline(suite.placeName)}` : '';
    lines.push(`- **${inline(suite.title)}** : ${SUITE_STATUS_LABELS[suite.status]}${reason ? ` (${inline(reason)})` : ''}${place}`);
  }
  lines.push('');
  return lines.join('\n');
}

export function decidimMeetingJson(report: ReportData, suites: PublicSuite[]): DecidimMeetingReport {
  return {
    closing_report: { fr: decidimMeetingMarkdown(report, suites) },
    attendees_count: report.counts.people,
    attendees_count_by_college: Object.fromEntries(COLLEGES.map((c) => [c, report.participantsByCollege[c] ?? 0])),
    contributions_count: report.counts.contributions,
    attending_organizations: '',
    proposals: suites.map((s) => ({ title: { fr: s.title }, status: s.status, reason: s.history.at(-1)?.reason ?? null, address: s.placeName })),
  };
}
