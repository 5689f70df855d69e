import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SESSION_TITLE_MAX_LENGTH } from '../../shared/limits.js';
import type { SessionView } from '../../shared/sessionSchemas.js';
import { api, ApiRequestError, type SessionFilters } from '../api.js';
import { SessionFiltersForm } from '../dashboard/SessionFiltersForm.js';
import { SessionRow } from '../dashboard/SessionRow.js';
import { ArchiveImport } from '../dashboard/ArchiveImport.js';
import { ProjectsSection } from '../dashboard/ProjectsSection.js';
import { TemplatePicker } from '../templates/TemplatePicker.js';
import { LanguageSwitch } from '../LanguageSwitch.js';
import { useErrorMessage } from '../useErrorMessage.js';
import { navigate } from '../useRoute.js';
import { saveAccess } from '../session/accessStore.js';
import { markSessionJustCreated } from '../session/AccessSection.js';
import { CodeForm } from './JoinPage.js';
import { pagePaths } from '../../shared/paths.js';

const PASSWORD_KEY = 'trame.facilitatorPassword';

export function HomePage() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [sessions, setSessions] = useState<SessionView[] | null>(null);
  const [listError, setListError] = useState<string | null>(null);
  const [filters, setFilters] = useState<SessionFilters>({});
  const [listPassword, setListPassword] = useState(() => sessionStorage.getItem(PASSWORD_KEY) ?? '');
  const [needsPassword, setNeedsPassword] = useState(false);
  const [reload, setReload] = useState(0);
  const [title, setTitle] = useState('');
  const [facilitatorName, setFacilitatorName] = useState('');
  const [templateIds, setTemplateIds] = useState<string[]>([]);
  const [password, setPassword] = useState('');
  const [passwordRequired, setPasswordRequired] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);

  useEffect(() => {
    const timer = setTimeout(() => {
      api
        .listSessions(filters, listPassword || undefined)
        .then((r) => {
          setSessions(r.sessions);
          setListError(null);
          setNeedsPassword(false);
        })
        .catch((e) => {
          if (e instanceof ApiRequestError && e.code === 'password_required') setNeedsPassword(true);
          else setListError(errorMessage(e));
        });
    }, 200);
    return () => clearTimeout(timer);
  }, [filters, listPassword, reload, errorMessage]);

  useEffect(() => {
    api
      .getConfig()
      .then((c) => setPasswordRequired(c.passwordRequired))
      .catch(() => undefined);
  }, []);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = title.trim();
    if (!trimmed) return setFormError(t('home.titleRequired'));
    if (trimmed.length > SESSION_TITLE_MAX_LENGTH) {
      return setFormError(t('home.titleTooLong', { max: SESSION_TITLE_MAX_LENGTH }));
    }
    setCreating(true);
    setFormError(null);
    try {
      const session = await api.createSession({
        title: trimmed,
        ...(facilitatorName.trim() ? { facilitatorName: facilitatorName.trim() } : {}),
        ...(passwordRequired ? { password } : {}),
        templateIds,
      });
      saveAccess(session.access);
      if (passwordRequired) sessionStorage.setItem(PASSWORD_KEY, password);
      markSessionJustCreated(session.id);
      navigate(pagePaths.session(session.id));
    } catch (error) {
      setFormError(errorMessage(error));
      setCreating(false);
    }
  };


  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1>{t('app.name')}</h1>
          <p className="tagline">{t('app.tagline')}</p>
        </div>
        <nav className="row" aria-label={t('nav.label')}>
          <a href={pagePaths.bank}>{t('nav.bank')}</a>
          <LanguageSwitch />
        </nav>
      </header>
      <main>
        <section aria-labelledby="join-heading">
          <h2 id="join-heading">{t('home.joinHeading')}</h2>
          <CodeForm />
        </section>
        <section aria-labelledby="create-heading" className="card">
          <h2 id="create-heading">{t('home.createHeading')}</h2>
          <form onSubmit={onSubmit} noValidate className="create-form">
            <label htmlFor="session-title">{t('home.titleLabel')}</label>
            <input
              id="session-title"
              name="title"
              value={title}
              maxLength={SESSION_TITLE_MAX_LENGTH + 1}
              placeholder={t('home.titlePlaceholder')}
              aria-invalid={formError ? true : undefined}
              aria-describedby={formError ? 'session-title-error' : undefined}
              onChange={(e) => setTitle(e.target.value)}
            />
            <label htmlFor="facilitator-name">{t('home.facilitatorNameLabel')}</label>
            <input
              id="facilitator-name"
              value={facilitatorName}
              autoComplete="name"
              onChange={(e) => setFacilitatorName(e.target.value)}
            />
            {passwordRequired && (
              <>
                <label htmlFor="facilitator-password">{t('home.passwordLabel')}</label>
                <input
                  id="facilitator-password"
                  type="password"
                  value={password}
                  autoComplete="current-password"
                  onChange={(e) => setPassword(e.target.value)}
                />
              </>
            )}
            <TemplatePicker selected={templateIds} onChange={setTemplateIds} />
            {formError && (
              <p id="session-title-error" role="alert" className="error">
                {formError}
              </p>
            )}
            <button type="submit" disabled={creating}>
              {creating ? t('home.creating') : t('home.create')}
            </button>
          </form>
        </section>
        <ProjectsSection password={listPassword} />
        <section aria-labelledby="list-heading">
          <h2 id="list-heading">{t('home.listHeading')}</h2>
          {needsPassword ? (
            <form
              className="card"
              onSubmit={(e) => {
                e.preventDefault();
                const value = new FormData(e.currentTarget).get('password');
                sessionStorage.setItem(PASSWORD_KEY, String(value ?? ''));
                setListPassword(String(value ?? ''));
              }}
            >
              <label htmlFor="list-password">{t('dashboard.passwordPrompt')}</label>
              <div className="row">
                <input id="list-password" name="password" type="password" autoComplete="current-password" />
                <button type="submit">{t('dashboard.unlock')}</button>
              </div>
            </form>
          ) : (
            <>
              <SessionFiltersForm filters={filters} onChange={setFilters} />
              <ArchiveImport password={listPassword} />
              {listError && (
                <p role="alert" className="error">
                  {listError}
                </p>
              )}
              {!sessions && !listError && <p aria-live="polite">{t('home.loading')}</p>}
              <p className="visually-hidden" aria-live="polite">
                {sessions ? t('dashboard.count', { count: sessions.length }) : ''}
              </p>
              {sessions?.length === 0 && <p>{t('home.empty')}</p>}
              {sessions && sessions.length > 0 && (
                <ul className="session-list">
                  {sessions.map((s) => (
                    <SessionRow
                      key={s.id}
                      session={s}
                      onChanged={() => setReload((n) => n + 1)}
                      onError={(e) => setListError(errorMessage(e))}
                    />
                  ))}
                </ul>
              )}
            </>
          )}
        </section>
      </main>
    </div>
  );
}
