import { useTranslation } from 'react-i18next';
import type { ReportContribution } from '../../shared/reportData.js';

/** A note as a list item: its text, who wrote it (unless anonymised) and its dots. */
export function ContributionItem({ c, voteHeld }: { c: ReportContribution; voteHeld: boolean }) {
  const { t } = useTranslation();
  const who = [c.author, c.college ? t(`college.${c.college}.label`) : null].filter(Boolean).join(', ');
  return (
    <li>
      <span className="contribution-text">{c.text || t('report.emptyNote')}</span>
      {who && <span className="muted"> — {who}</span>}
      {c.carriedFrom && <span className="carried-from"> · {t('report.carriedFrom', { title: c.carriedFrom })}</span>}
      {voteHeld && c.dots > 0 && <span className="dots"> · {t('report.dots', { count: c.dots })}</span>}
    </li>
  );
}
