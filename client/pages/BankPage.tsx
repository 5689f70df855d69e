import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BankEntryView } from '../../shared/sessionSchemas.js';
import { pagePaths } from '../../shared/paths.js';
import { api } from '../api.js';
import { BankCard } from '../bank/BankCard.js';
import { FollowUpFacet } from '../dashboard/FollowUpFacet.js';
import { SessionFiltersForm } from '../dashboard/SessionFiltersForm.js';
import { hasFilters, useUrlFilters } from '../dashboard/useUrlFilters.js';
import { LanguageSwitch } from '../LanguageSwitch.js';
import { useErrorMessage } from '../useErrorMessage.js';

/** The public bank: workshops their facilitators chose to share, to inspire other territories. */
export function BankPage() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [filters, setFilters] = useUrlFilters();
  const [entries, setEntries] = useState<BankEntryView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const timer = setTimeout(() => api.bank(filters).then((r) => setEntries(r.entries), (e) => setError(errorMessage(e))), 200);
    return () => clearTimeout(timer);
  }, [filters, errorMessage]);
  const filtered = hasFilters(filters);
  return (
    <div className="page wide bank-page">
      <header className="page-header">
        <div>
          <a href={pagePaths.home}>{t('app.name')}</a>
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
        {entries?.length === 0 &&
          (filtered ? (
            <div className="no-result">
              <p>{t('search.noResult')}</p>
              <button type="button" className="secondary" onClick={() => setFilters({})}>
                {t('search.clear')}
              </button>
            </div>
          ) : (
            <p>{t('bank.empty')}</p>
          ))}
        <ul className="bank-list">
          {entries?.map((entry) => (
            <BankCard key={entry.id} entry={entry} />
          ))}
        </ul>
      </main>
    </div>
  );
}
