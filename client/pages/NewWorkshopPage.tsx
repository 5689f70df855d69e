import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SESSION_TITLE_MAX_LENGTH } from '../../shared/limits.js';
import type { TemplateSummary } from '../../shared/templateApi.js';
import { pagePaths } from '../../shared/paths.js';
import { api } from '../api.js';
import { FieldError, LengthCounter, counterId, fieldAria, focusFirstError, type FieldErrors } from '../forms/fieldErrors.js';
import { LanguageSwitch } from '../LanguageSwitch.js';
import { markSessionJustCreated } from '../session/AccessSection.js';
import { saveAccess } from '../session/accessStore.js';
import { TemplateImport } from '../templates/TemplateImport.js';
import { TemplateOrder } from '../templates/TemplateOrder.js';
import { TemplatePicker } from '../templates/TemplatePicker.js';
import { useErrorMessage } from '../useErrorMessage.js';
import { navigate } from '../useRoute.js';
import { FACILITATOR_PASSWORD_KEY } from '../dashboard/instancePassword.js';

type Field = 'session-title' | 'facilitator-password';

/** « Nouvel atelier »: a title, canvases from the library at full width, their order, and create. */
export function NewWorkshopPage() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [title, setTitle] = useState('');
  const [facilitatorName, setFacilitatorName] = useState('');
  const [password, setPassword] = useState('');
  const [passwordRequired, setPasswordRequired] = useState(false);
  const [templates, setTemplates] = useState<TemplateSummary[]>([]);
  const [libraryError, setLibraryError] = useState<string | null>(null);
  const [reload, setReload] = useState(0);
  const [templateIds, setTemplateIds] = useState<string[]>([]);
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);

  useEffect(() => {
    api.getConfig().then((c) => setPasswordRequired(c.passwordRequired), () => undefined);
  }, []);
  useEffect(() => {
    api.templates().then((r) => setTemplates(r.templates), (e) => setLibraryError(errorMessage(e)));
  }, [reload, errorMessage]);

  const toggle = (id: string) => setTemplateIds((ids) => (ids.includes(id) ? ids.filter((s) => s !== id) : [...ids, id]));

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = title.trim();
    const found: FieldErrors<Field> = {
      'session-title': !trimmed
        ? t('home.titleRequired')
        : trimmed.length > SESSION_TITLE_MAX_LENGTH
          ? t('home.titleTooLong', { max: SESSION_TITLE_MAX_LENGTH, count: trimmed.length - SESSION_TITLE_MAX_LENGTH })
          : undefined,
      'facilitator-password': passwordRequired && !password ? t('home.passwordRequired') : undefined,
    };
    setErrors(found);
    setFormError(null);
    if (focusFirstError([['session-title', found['session-title']], ['facilitator-password', found['facilitator-password']]])) return;
    setCreating(true);
    try {
      const session = await api.createSession({
        title: trimmed,
        ...(facilitatorName.trim() ? { facilitatorName: facilitatorName.trim() } : {}),
        ...(passwordRequired ? { password } : {}),
        templateIds,
      });
      saveAccess(session.access);
      if (passwordRequired) sessionStorage.setItem(FACILITATOR_PASSWORD_KEY, password);
      markSessionJustCreated(session.id);
      navigate(pagePaths.session(session.id));
    } catch (error) {
      setFormError(errorMessage(error));
      setCreating(false);
    }
  };

  return (
    <div className="page wide">
      <header className="page-header">
        <div>
          <a href={pagePaths.home}>{t('home.backToMine')}</a>
          <h1>{t('newWorkshop.title')}</h1>
        </div>
        <LanguageSwitch />
      </header>
      <form onSubmit={onSubmit} noValidate className="new-workshop">
        <main className="new-workshop-main">
          <section aria-labelledby="step-title" className="card">
            <h2 id="step-title">{t('newWorkshop.stepTitle')}</h2>
            <div className="field">
              <label htmlFor="session-title">{t('home.titleLabel')}</label>
              <input
                id="session-title"
                name="title"
                value={title}
                placeholder={t('home.titlePlaceholder')}
                {...fieldAria('session-title', errors['session-title'], [counterId('session-title')])}
                onChange={(e) => setTitle(e.target.value)}
              />
              <LengthCounter fieldId="session-title" length={title.trim().length} max={SESSION_TITLE_MAX_LENGTH} />
              <FieldError fieldId="session-title" message={errors['session-title']} />
            </div>
            <div className="field">
              <label htmlFor="facilitator-name">{t('home.facilitatorNameLabel')}</label>
              <input id="facilitator-name" value={facilitatorName} autoComplete="name" onChange={(e) => setFacilitatorName(e.target.value)} />
            </div>
            {passwordRequired && (
              <div className="field">
                <label htmlFor="facilitator-password">{t('home.passwordLabel')}</label>
                <input
                  id="facilitator-password"
                  type="password"
                  value={password}
                  autoComplete="current-password"
                  {...fieldAria('facilitator-password', errors['facilitator-password'])}
                  onChange={(e) => setPassword(e.target.value)}
                />
                <FieldError fieldId="facilitator-password" message={errors['facilitator-password']} />
              </div>
            )}
          </section>
          <section aria-labelledby="step-library" className="library-section">
            <h2 id="step-library">{t('newWorkshop.stepLibrary')}</h2>
            {libraryError && (
              <p role="alert" className="error">
                {libraryError}
              </p>
            )}
            <TemplatePicker templates={templates} selected={templateIds} onToggle={toggle} />
            <TemplateImport onImported={() => setReload((n) => n + 1)} />
          </section>
        </main>
        <aside aria-labelledby="step-order" className="new-workshop-summary card">
          <h2 id="step-order">{t('newWorkshop.stepOrder')}</h2>
          <TemplateOrder selected={templateIds} templates={templates} onChange={setTemplateIds} />
          {formError && (
            <p role="alert" className="error">
              {formError}
            </p>
          )}
          <button type="submit" disabled={creating} className="wide">
            {creating ? t('home.creating') : t('home.create')}
          </button>
        </aside>
      </form>
    </div>
  );
}
