import { useTranslation } from 'react-i18next';
import type { BankEntryView } from '../../shared/sessionSchemas.js';
import { ECHELONS, PHASES, THEMES, facetLabel } from '../../shared/taxonomy.js';
import { apiPaths, pagePaths } from '../../shared/paths.js';
import { FollowUpCounts } from '../dashboard/FollowUpCounts.js';
import { MatchPassage } from '../dashboard/MatchPassage.js';
import { useFormat } from '../format.js';

/** A published workshop in the bank: its first canvas, where and when, what about, and what became of its ideas. */
export function BankCard({ entry }: { entry: BankEntryView }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const d = entry.description;
  const lang = i18n.language;
  const thumbnail = entry.templateIds[0];
  return (
    <li className="bank-card">
      <div className="bank-thumb" aria-hidden="true">
        {thumbnail ? <img src={apiPaths.templatePreview(thumbnail)} alt="" loading="lazy" /> : null}
      </div>
      <div className="bank-card-body">
        <p className="template-phase">
          {[d.phase && facetLabel(PHASES, d.phase, lang), format.date(d.date ?? entry.publishedAt)].filter(Boolean).join(' · ')}
        </p>
        <h2>
          <a href={pagePaths.bankEntry(entry.id)}>{entry.title}</a>
        </h2>
        {d.territory && (
          <p className="muted">
            {[d.territory.name, d.territory.echelon && facetLabel(ECHELONS, d.territory.echelon, lang)].filter(Boolean).join(' · ')}
          </p>
        )}
        {entry.match ? <MatchPassage match={entry.match} /> : d.summary && <p className="bank-summary">{d.summary}</p>}
        {d.themes.length > 0 && (
          <ul className="tags" aria-label={t('sheet.themes')}>
            {d.themes.map((theme) => (
              <li key={theme}>{facetLabel(THEMES, theme, lang)}</li>
            ))}
          </ul>
        )}
        <FollowUpCounts counts={entry.followUp} />
      </div>
    </li>
  );
}
