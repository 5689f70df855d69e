import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isSessionClosed } from '../../shared/roles.js';
import type { SessionDescription, SessionView } from '../../shared/sessionSchemas.js';
import { ECHELONS, FORMATS, PHASES, PUBLICS, STAGES, THEMES } from '../../shared/taxonomy.js';
import { api } from '../api.js';
import { FacetCheckboxes } from '../dashboard/FacetCheckboxes.js';
import { FacetSelect } from '../dashboard/FacetSelect.js';
import { LanguageSwitch } from '../LanguageSwitch.js';
import { loadAccess } from '../session/accessStore.js';
import { useErrorMessage } from '../useErrorMessage.js';

/** The session's record card: how it is described, and whether it is published in the bank. */
export function SessionSheetPage({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const access = loadAccess(sessionId);
  const [session, setSession] = useState<SessionView | null>(null);
  const [draft, setDraft] = useState<SessionDescription | null>(null);
  const [published, setPublished] = useState(false);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);

  useEffect(() => {
    api.getSession(sessionId).then(
      (s) => {
        setSession(s);
        setDraft(s.description);
        setPublished(s.published);
      },
      (e) => setMessage({ error: true, text: errorMessage(e) }),
    );
  }, [sessionId, errorMessage]);

  const endWorkshop = async () => {
    if (!access || !window.confirm(t('cockpit.end.confirm'))) return;
    try {
      setSession(await api.updateSession(sessionId, access.token, { status: 'finished' }));
      setMessage({ error: false, text: t('sheet.ended') });
    } catch (e) {
      setMessage({ error: true, text: errorMessage(e) });
    }
  };

  const set = <K extends keyof SessionDescription>(key: K, value: SessionDescription[K]) =>
    setDraft((d) => (d ? { ...d, [key]: value } : d));

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!access || !draft) return;
    try {
      const saved = await api.describeSession(sessionId, access.token, { description: draft, published });
      setSession(saved);
      setMessage({ error: false, text: t('sheet.saved') });
    } catch (e) {
      setMessage({ error: true, text: errorMessage(e) });
    }
  };

  if (!access || access.role !== 'facilitator') {
    return (
      <main className="page">
        <p role="alert">{t('sheet.facilitatorOnly')}</p>
        <a href="/">{t('session.back')}</a>
      </main>
    );
  }
  if (!session || !draft) return <p className="centered">{message?.text ?? t('session.loading')}</p>;
  const territory = draft.territory ?? { name: '', echelon: null };
  return (
    <div className="page">
      <header className="page-header">
        <div>
          <a href="/">{t('session.back')}</a>
          <h1>{t('sheet.title', { title: session.title })}</h1>
        </div>
        <LanguageSwitch />
      </header>
      <main>
        <form className="card sheet" onSubmit={onSubmit} noValidate>
          <div className="field">
            <label htmlFor="territory-name">{t('sheet.territoryName')}</label>
            <input
              id="territory-name"
              value={territory.name}
              maxLength={120}
              onChange={(e) => set('territory', { ...territory, name: e.target.value })}
            />
          </div>
          <FacetSelect
            label={t('dashboard.echelon')}
            values={ECHELONS}
            value={territory.echelon ?? ''}
            anyLabel={t('sheet.none')}
            onChange={(v) => set('territory', { ...territory, echelon: (v || null) as never })}
          />
          <FacetCheckboxes legend={t('sheet.themes')} values={THEMES} selected={draft.themes} onChange={(v) => set('themes', v as never)} />
          <FacetCheckboxes legend={t('sheet.publics')} values={PUBLICS} selected={draft.publics} onChange={(v) => set('publics', v as never)} />
          <FacetSelect label={t('dashboard.phase')} values={PHASES} value={draft.phase ?? ''} anyLabel={t('sheet.none')} onChange={(v) => set('phase', (v || null) as never)} />
          <FacetSelect label={t('dashboard.stage')} values={STAGES} value={draft.stage ?? ''} anyLabel={t('sheet.none')} onChange={(v) => set('stage', (v || null) as never)} />
          <FacetSelect label={t('sheet.format')} values={FORMATS} value={draft.format ?? ''} anyLabel={t('sheet.none')} onChange={(v) => set('format', (v || null) as never)} />
          <div className="field">
            <label htmlFor="session-date">{t('sheet.date')}</label>
            <input id="session-date" type="date" value={draft.date ?? ''} onChange={(e) => set('date', e.target.value || null)} />
          </div>
          <div className="field">
            <label htmlFor="summary">{t('sheet.summary')}</label>
            <textarea id="summary" rows={5} maxLength={2000} value={draft.summary} onChange={(e) => set('summary', e.target.value)} />
          </div>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={published}
              disabled={!isSessionClosed(session.status) && !published}
              aria-describedby="publish-hint"
              onChange={(e) => setPublished(e.target.checked)}
            />
            {t('sheet.publish')}
          </label>
          <p id="publish-hint" className="muted small">
            {t('sheet.publishHint')}
          </p>
          {!isSessionClosed(session.status) && (
            <div className="sheet-end">
              <p className="muted small">{t('sheet.endHint', { status: t(`status.${session.status}`) })}</p>
              <button type="button" className="secondary" onClick={endWorkshop}>
                {t('cockpit.end.button')}
              </button>
            </div>
          )}
          {message && (
            <p role={message.error ? 'alert' : 'status'} className={message.error ? 'error' : 'success'}>
              {message.text}
            </p>
          )}
          <button type="submit">{t('sheet.save')}</button>
        </form>
      </main>
    </div>
  );
}
