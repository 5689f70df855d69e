import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SESSION_STATUSES } from '../../shared/roles.js';
import type { SessionView } from '../../shared/sessionSchemas.js';
import { pagePaths } from '../../shared/paths.js';
import { api, ApiRequestError } from '../api.js';
import { CodeForm } from '../session/CodeForm.js';
import { useErrorMessage } from '../useErrorMessage.js';
import { navigate } from '../useRoute.js';
import { ArchiveImport } from './ArchiveImport.js';
import { FACILITATOR_PASSWORD_KEY } from './instancePassword.js';
import { SessionFiltersForm } from './SessionFiltersForm.js';
import { SessionRow } from './SessionRow.js';
import { hasFilters, useUrlFilters } from './useUrlFilters.js';

/**
 * « Mes ateliers »: the workshops this device facilitates (every workshop of the instance for whoever gives
 * its password), grouped by state, each with its next action. A device that facilitates none sees two ways
 * in, never the dashboard's tools.
 */
export function MyWorkshops({ listPassword, onPassword }: { listPassword: string; onPassword: (password: string) => void }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [filters, setFilters] = useUrlFilters();
  const [sessions, setSessions] = useState<SessionView[] | null>(null);
  const [listError, setListError] = useState<string | null>(null);
  const [needsPassword, setNeedsPassword] = useState(false);
  const [reload, setReload] = useState(0);

  useEffect(() => {
    const timer = setTimeout(() => {
      api.listSessions(filters, listPassword || undefined).then(
        (r) => {
          setSessions(r.sessions);
          setListError(null);
          setNeedsPassword(false);
        },
        (e) => {
          if (e instanceof ApiRequestError && e.code === 'password_required') setNeedsPassword(true);
          else setListError(errorMessage(e));
        },
      );
    }, 200);
    return () => clearTimeout(timer);
  }, [filters, listPassword, reload, errorMessage]);

  const filtered = hasFilters(filters);
  const firstVisit = sessions?.length === 0 && !filtered;
  return (
    <section aria-labelledby="mine-heading" className="my-workshops">
      <div className="section-head">
        <h2 id="mine-heading">{t('home.mine')}</h2>
        <a
          className="button-link"
          href={pagePaths.newWorkshop}
          onClick={(e) => {
            e.preventDefault();
            navigate(pagePaths.newWorkshop);
          }}
        >
          {t('home.newWorkshop')}
        </a>
      </div>
      {needsPassword ? (
        <form
          className="card"
          onSubmit={(e) => {
            e.preventDefault();
            const value = String(new FormData(e.currentTarget).get('password') ?? '');
            sessionStorage.setItem(FACILITATOR_PASSWORD_KEY, value);
            onPassword(value);
          }}
        >
          <label htmlFor="list-password">{t('dashboard.passwordPrompt')}</label>
          <div className="row">
            <input id="list-password" name="password" type="password" autoComplete="current-password" />
            <button type="submit">{t('dashboard.unlock')}</button>
          </div>
        </form>
      ) : firstVisit ? (
        <div className="first-visit">
          <div className="card">
            <h3>{t('home.firstFacilitate')}</h3>
            <p>{t('home.firstFacilitateText')}</p>
            <a className="button-link" href={pagePaths.newWorkshop}>
              {t('home.newWorkshop')}
            </a>
          </div>
          <div className="card">
            <h3>{t('home.firstJoin')}</h3>
            <CodeForm />
          </div>
        </div>
      ) : (
        <>
          {(sessions?.length || filtered) && <SessionFiltersForm filters={filters} onChange={setFilters} />}
          {listError && (
            <p role="alert" className="error">
              {listError}
            </p>
          )}
          {!sessions && !listError && <p aria-live="polite">{t('home.loading')}</p>}
          <p className="visually-hidden" aria-live="polite">
            {sessions ? t('dashboard.count', { count: sessions.length }) : ''}
          </p>
          {sessions?.length === 0 && filtered && (
            <div className="no-result">
              <p>{t('search.noResult')}</p>
              <button type="button" className="secondary" onClick={() => setFilters({})}>
                {t('search.clear')}
              </button>
            </div>
          )}
          {sessions &&
            SESSION_STATUSES.map((status) => {
              const group = sessions.filter((s) => s.status === status);
              if (group.length === 0) return null;
              return (
                <section key={status} aria-labelledby={`group-${status}`} className="session-group">
                  <h3 id={`group-${status}`}>
                    {t(`home.group.${status}`)} <span className="count">{group.length}</span>
                  </h3>
                  <ul className="session-list">
                    {group.map((s) => (
                      <SessionRow key={s.id} session={s} onChanged={() => setReload((n) => n + 1)} onError={(e) => setListError(errorMessage(e))} />
                    ))}
                  </ul>
                </section>
              );
            })}
          <details className="archive-import">
            <summary>{t('import.summary')}</summary>
            <ArchiveImport password={listPassword} />
          </details>
        </>
      )}
    </section>
  );
}
