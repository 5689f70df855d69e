import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SESSION_TITLE_MAX_LENGTH } from '../../shared/limits.js';
import type { SessionView } from '../../shared/sessionSchemas.js';
import { api } from '../api.js';
import { LanguageSwitch } from '../LanguageSwitch.js';
import { useErrorMessage } from '../useErrorMessage.js';
import { navigate } from '../useRoute.js';
import { saveAccess } from '../session/accessStore.js';
import { markSessionJustCreated } from '../session/SessionPanel.js';
import { CodeForm } from './JoinPage.js';

export function HomePage() {
  const { t, i18n } = useTranslation();
  const errorMessage = useErrorMessage();
  const [sessions, setSessions] = useState<SessionView[] | null>(null);
  const [listError, setListError] = useState<string | null>(null);
  const [title, setTitle] = useState('');
  const [facilitatorName, setFacilitatorName] = useState('');
  const [password, setPassword] = useState('');
  const [passwordRequired, setPasswordRequired] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);

  useEffect(() => {
    api
      .listSessions()
      .then((r) => setSessions(r.sessions))
      .catch((e) => setListError(errorMessage(e)));
    api
      .getConfig()
      .then((c) => setPasswordRequired(c.passwordRequired))
      .catch(() => undefined);
    // eslint-disable-next-line react-hooks/exhaustive-deps
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
      });
      saveAccess(session.access);
      markSessionJustCreated(session.id);
      navigate(`/s/${session.id}`);
    } catch (error) {
      setFormError(errorMessage(error));
      setCreating(false);
    }
  };

  const dateFormat = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'long' });

  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1>{t('app.name')}</h1>
          <p className="tagline">{t('app.tagline')}</p>
        </div>
        <LanguageSwitch />
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
        <section aria-labelledby="list-heading">
          <h2 id="list-heading">{t('home.listHeading')}</h2>
          {listError && (
            <p role="alert" className="error">
              {listError}
            </p>
          )}
          {!sessions && !listError && <p aria-live="polite">{t('home.loading')}</p>}
          {sessions?.length === 0 && <p>{t('home.empty')}</p>}
          {sessions && sessions.length > 0 && (
            <ul className="session-list">
              {sessions.map((s) => (
                <li key={s.id}>
                  <a
                    href={`/s/${s.id}`}
                    onClick={(e) => {
                      e.preventDefault();
                      navigate(`/s/${s.id}`);
                    }}
                  >
                    {s.title}
                  </a>
                  <span className="muted">{t('home.createdOn', { date: dateFormat.format(new Date(s.createdAt)) })}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </main>
    </div>
  );
}
