import { useTranslation } from 'react-i18next';
import type { ReportData } from '../../shared/reportData.js';
import { CollegeLegend, StackedDots } from './CollegeBars.js';

/** The vote, ranked: rank (ties share it), idea, its canvas, dots, and a bar split by collège. */
export function VoteResults({ data }: { data: ReportData }) {
  const { t } = useTranslation();
  const max = Math.max(1, ...data.votes.map((v) => v.total));
  const withNone = data.votes.some((v) => (v.byCollege.none ?? 0) > 0);
  return (
    <section className="report-section report-votes">
      <h2>{t('report.votes')}</h2>
      {data.votes.length === 0 ? (
        <p className="muted">{t('report.noDots')}</p>
      ) : (
        <>
          <CollegeLegend withNone={withNone} />
          <table>
            <thead>
              <tr>
                <th scope="col">{t('report.rank')}</th>
                <th scope="col">{t('report.idea')}</th>
                <th scope="col" className="num">{t('report.total')}</th>
                <th scope="col" className="bar-col">{t('report.byCollege')}</th>
              </tr>
            </thead>
            <tbody>
              {data.votes.map((v) => (
                <tr key={v.noteId}>
                  <td className="num">{v.rank}</td>
                  <td>
                    {v.text || t('report.emptyNote')}
                    {v.canvasTitle && <span className="muted"> — {v.canvasTitle}</span>}
                  </td>
                  <td className="num">{v.total}</td>
                  <td className="bar-col">
                    <StackedDots byCollege={v.byCollege} max={max} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
