import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PSEUDONYM_MAX_LENGTH } from '../../shared/limits.js';
import { JOIN_CODE_LENGTH, normalizeJoinCode, type College } from '../../shared/roles.js';
import type { JoinInfo } from '../../shared/sessionSchemas.js';
import { api } from '../api.js';
import { LanguageSwitch } from '../LanguageSwitch.js';
import { loadAccess, saveAccess } from '../session/accessStore.js';
import { CollegePicker } from '../session/CollegePicker.js';
import { PrivacyNotice } from '../session/PrivacyNotice.js';
import { useErrorMessage } from '../useErrorMessage.js';
import { navigate } from '../useRoute.js';
import { pagePaths } from '../../shared/paths.js';

/** Joining in at most three steps: code (or link), pseudonym and collège, done. */
export function JoinPage({ code }: { code: string | null }) {
  const { t } = useTranslation();
  return (
    <div className="page narrow">
      <header className="page-header">
        <h1>{t('join.title')}</h1>
        <LanguageSwitch />
      </header>
      <main>{code ? <JoinForm code={normalizeJoinCode(code)} /> : <CodeForm />}</main>
    </div>
  );
}

export function CodeForm() {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const normalized = normalizeJoinCode(code);
    if (normalized.length !== JOIN_CODE_LENGTH) return setError(t('join.codeLength', { length: JOIN_CODE_LENGTH }));
    navigate(pagePaths.join(normalized));
  };
  return (
    <form onSubmit={onSubmit} noValidate className="card join-code-form">
      <label htmlFor="join-code">{t('join.codeLabel')}</label>
      <div className="row">
        <input
          id="join-code"
          className="code-input"
          value={code}
          autoComplete="off"
          autoCapitalize="characters"
          inputMode="text"
          maxLength={12}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'join-code-error' : undefined}
          onChange={(e) => setCode(e.target.value)}
        />
        <button type="submit">{t('join.continue')}</button>
      </div>
      {error && (
        <p id="join-code-error" role="alert" className="error">
          {error}
        </p>
      )}
    </form>
  );
}

function JoinForm({ code }: { code: string }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [info, setInfo] = useState<JoinInfo | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [pseudonym, setPseudonym] = useState('');
  const [college, setCollege] = useState<College | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    api
      .joinInfo(code)
      .then((found) => {
        // Same device, same session: rejoin with the identity already held.
        if (loadAccess(found.sessionId)) return navigate(pagePaths.session(found.sessionId), { replace: true });
        setInfo(found);
      })
      .catch((e) => setLoadError(errorMessage(e)));
  }, [code, errorMessage]);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!pseudonym.trim()) return setFormError(t('join.pseudonymRequired'));
    if (!college) return setFormError(t('join.collegeRequired'));
    setBusy(true);
    setFormError(null);
    try {
      const grant = await api.join({ code, pseudonym: pseudonym.trim(), college });
      saveAccess(grant);
      navigate(pagePaths.session(grant.sessionId));
    } catch (error) {
      setFormError(errorMessage(error));
      setBusy(false);
    }
  };

  if (loadError) {
    return (
      <div className="card">
        <p role="alert" className="error">
          {loadError}
        </p>
        <CodeForm />
      </div>
    );
  }
  if (!info) return <p aria-live="polite">{t('join.loading')}</p>;
  return (
    <form onSubmit={onSubmit} noValidate className="card">
      <h2>{info.title}</h2>
      <label htmlFor="pseudonym">{t('join.pseudonymLabel')}</label>
      <p id="pseudonym-hint" className="muted">
        {t('join.pseudonymHint')}
      </p>
      <input
        id="pseudonym"
        value={pseudonym}
        maxLength={PSEUDONYM_MAX_LENGTH}
        autoComplete="nickname"
        aria-describedby="pseudonym-hint"
        onChange={(e) => setPseudonym(e.target.value)}
      />
      <CollegePicker value={college} onChange={setCollege} />
      {formError && (
        <p role="alert" className="error">
          {formError}
        </p>
      )}
      <button type="submit" disabled={busy} className="wide">
        {t('join.submit')}
      </button>
      <p className="muted small">{t('join.privacy')}</p>
      <PrivacyNotice />
    </form>
  );
}
