import { useTranslation } from 'react-i18next';
import { useFormat } from '../format.js';
import type { ReportData } from '../../shared/reportData.js';
import { CollegeBars } from './CollegeBars.js';

/** The cover: what the workshop was, where, when, with whom, and its record card's summary. */
export function ReportCover({ data }: { data: ReportData }) {
  const { t } = useTranslation();
  const date = useFormat().date(data.date);
  const fields: [string, string][] = [
    [t('report.date'), date],
    ...(data.territory
      ? [[t('report.territory'), data.territory.echelon ? `${data.territory.name} (${data.territory.echelon})` : data.territory.name] as [string, string]]
      : []),
    ...(data.format ? [[t('report.format'), data.format] as [string, string]] : []),
    ...(data.phase ? [[t('report.phase'), data.phase] as [string, string]] : []),
    ...(data.themes.length > 0 ? [[t('report.themes'), data.themes.join(', ')] as [string, string]] : []),
    ...(data.publics.length > 0 ? [[t('report.publics'), data.publics.join(', ')] as [string, string]] : []),
    ...(data.facilitators.length > 0 ? [[t('report.facilitation'), data.facilitators.join(', ')] as [string, string]] : []),
  ];
  return (
    <section className="report-cover">
      <p className="report-kicker">{t('report.kicker')}</p>
      <h1>{data.title}</h1>
      <div className="cover-columns">
        <dl>
          {fields.map(([term, value]) => (
            <div key={term}>
              <dt>{term}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
        <div>
          <h2 className="cover-h">{t('report.participantCount', { count: data.counts.people })}</h2>
          {data.counts.people > 0 ? <CollegeBars counts={data.participantsByCollege} /> : <p className="muted">{t('report.noParticipants')}</p>}
        </div>
      </div>
      {data.summary && (
        <div className="cover-summary">
          <h2 className="cover-h">{t('report.summary')}</h2>
          {data.summary.split(/\n+/).map((p, i) => (
            <p key={i}>{p}</p>
          ))}
        </div>
      )}
      {data.anonymous && <p className="muted">{t('report.anonymised')}</p>}
    </section>
  );
}
