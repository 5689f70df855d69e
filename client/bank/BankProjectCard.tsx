import { useTranslation } from 'react-i18next';
import type { BankProjectEntry } from '../../shared/bankProjects.js';
import { pagePaths } from '../../shared/paths.js';
import { ECHELONS, PHASES, THEMES, facetLabel } from '../../shared/taxonomy.js';

/** A published project in the bank's list: one card, its workshops in journey order inside it. */
export function BankProjectCard({ entry }: { entry: BankProjectEntry }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <li className="bank-card bank-project-card">
      <div className="bank-card-body">
        <p className="template-phase">{t('bank.projectKicker', { count: entry.workshops.length })}</p>
        <h2>
          <a href={pagePaths.bankProject(entry.id)}>{entry.title}</a>
        </h2>
        {entry.territory && (
          <p className="muted">
            {[entry.territory.name, entry.territory.echelon && facetLabel(ECHELONS, entry.territory.echelon, lang)].filter(Boolean).join(' · ')}
          </p>
        )}
        <ol className="bank-project-card__workshops" aria-label={t('bank.projectWorkshops', { title: entry.title })}>
          {entry.workshops.map((w) => (
            <li key={w.id}>
              {w.phase && <span className="muted small">{facetLabel(PHASES, w.phase, lang)} · </span>}
              <a href={pagePaths.bankEntry(w.id)}>{w.title}</a>
            </li>
          ))}
        </ol>
        {entry.themes.length > 0 && (
          <ul className="tags" aria-label={t('sheet.themes')}>
            {entry.themes.map((theme) => (
              <li key={theme}>{facetLabel(THEMES, theme, lang)}</li>
            ))}
          </ul>
        )}
      </div>
    </li>
  );
}
