import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BankEntryView } from '../../shared/sessionSchemas.js';
import { THEMES, facetLabel } from '../../shared/taxonomy.js';
import { api, type BankFilters } from '../api.js';
import { FollowUpCounts } from '../dashboard/FollowUpCounts.js';
import { FollowUpFacet } from '../dashboard/FollowUpFacet.js';
import { SessionFiltersForm } from '../dashboard/SessionFiltersForm.js';
import { LanguageSwitch } from '../LanguageSwitch.js';
import { useErrorMessage } from '../useErrorMessage.js';
import { pagePaths } from '../../shared/paths.js';

/** The public bank: workshops their facilitators chose to share, to inspire other territories. */
export function BankPage() {
  const { t, i18n } = useTranslation();
  const errorMessage = useErrorMessage();
  const [filters, setFilters] = useState<BankFilters>({});
  const [entries, setEntries] = useState<BankEntryView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const timer = setTimeout(() => api.bank(filters).then((r) => setEntries(r.entries), (e) => setError(errorMessage(e))), 200);
    return () => clearTimeout(timer);
  }, [filters, errorMessage]);
  return (
    <div className="page">
      <header className="page-header">
        <div>
          <a href="/">{t('app.name')}</a>
          <h1>{t('bank.title')}</h1>
          <p className="tagline">{t('bank.intro')}</p>
        </div>
        <LanguageSwitch />
      </header>
      <main>
        <SessionFiltersForm filters={filters} onChange={(f) => setFilters({ ...f, suites: filters.suites })} fields={['theme', 'echelon', 'phase', 'stage']}>
          <FollowUpFacet value={filters.suites} onChange={(suites) => setFilters({ ...filters, suites })} />
        </SessionFiltersForm>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <p aria-live="polite" className="muted">
          {entries ? t('dashboard.count', { count: entries.length }) : t('home.loading')}
        </p>
        <ul className="bank-list">
          {entries?.map((entry) => (
            <li key={entry.id} className="card">
              <h2>
                <a href={pagePaths.bankEntry(entry.id)}>{entry.title}</a>
              </h2>
              <p className="muted">
                {[entry.description.territory?.name, entry.description.date].filter(Boolean).join(' · ')}
              </p>
              {entry.description.summary && <p>{entry.description.summary}</p>}
              <FollowUpCounts counts={entry.followUp} />
              <ul className="tags" aria-label={t('sheet.themes')}>
                {entry.description.themes.map((theme) => (
                  <li key={theme}>{facetLabel(THEMES, theme, i18n.language)}</li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      </main>
    </div>
  );
}
