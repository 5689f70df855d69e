import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BankProjectEntry } from '../../shared/bankProjects.js';
import type { BankEntryView } from '../../shared/sessionSchemas.js';
import { pagePaths } from '../../shared/paths.js';
import { api } from '../api.js';
import { BankCard } from '../bank/BankCard.js';
import { BankProjectCard } from '../bank/BankProjectCard.js';
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
  const [projects, setProjects] = useState<BankProjectEntry[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const load = () =>
      api.bank(filters).then(
        (r) => {
          setEntries(r.entries);
          setProjects(r.projects);
        },
        (e) => setError(errorMessage(e)),
      );
    const timer = setTimeout(load, 200);
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
          {entries ? [
                projects.length > 0 && t('bank.projectsHeading', { count: projects.length }),
                t('dashboard.count', { count: entries.length }),
              ]
                .filter(Boolean)
                .join(' · ') : t('home.loading')}
        </p>
        {projects.length > 0 && (
          <section aria-labelledby="bank-projects-heading">
            <h2 id="bank-projects-heading" className="bank-projects-heading">
              {t('bank.projectsHeading', { count: projects.length })}
            </h2>
            <ul className="bank-list">
              {projects.map((entry) => (
                <BankProjectCard key={entry.id} entry={entry} />
              ))}
            </ul>
          </section>
        )}
        {entries?.length === 0 && projects.length === 0 &&
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
