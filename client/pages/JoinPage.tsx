import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PSEUDONYM_MAX_LENGTH } from '../../shared/limits.js';
import { COLLEGES, normalizeJoinCode, type College } from '../../shared/roles.js';
import type { JoinInfo } from '../../shared/sessionSchemas.js';
import { api } from '../api.js';
import { LanguageSwitch } from '../LanguageSwitch.js';
import { loadAccess, saveAccess } from '../session/accessStore.js';
import { CodeForm } from '../session/CodeForm.js';
import { CollegePicker } from '../session/CollegePicker.js';
import { FieldError, LengthCounter, counterId, fieldAria, focusFirstError, type FieldErrors } from '../forms/fieldErrors.js';
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

function JoinForm({ code }: { code: string }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [info, setInfo] = useState<JoinInfo | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [pseudonym, setPseudonym] = useState('');
  const [college, setCollege] = useState<College | null>(null);
  const [errors, setErrors] = useState<FieldErrors<'pseudonym' | 'college'>>({});
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
    const trimmed = pseudonym.trim();
    const found: FieldErrors<'pseudonym' | 'college'> = {
      pseudonym: !trimmed
        ? t('join.pseudonymRequired')
        : trimmed.length > PSEUDONYM_MAX_LENGTH
          ? t('join.pseudonymTooLong', { max: PSEUDONYM_MAX_LENGTH })
          : undefined,
      college: college ? undefined : t('join.collegeRequired'),
    };
    setErrors(found);
    // The collège is a group of radios: focus goes to its first option.
    if (focusFirstError([['pseudonym', found.pseudonym], [`college-${COLLEGES[0]}`, found.college]]) || !college) return;
    setBusy(true);
    setFormError(null);
    try {
      const grant = await api.join({ code, pseudonym: trimmed, college });
      saveAccess(grant);
      navigate(pagePaths.session(grant.sessionId));
    } catch (error) {
      setFormError(errorMessage(error));
      setBusy(false);
    }
  };

  // A code the server does not know stays in the field, with the reason beside it.
  if (loadError) return <CodeForm initialCode={code} initialError={loadError} />;
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
        autoComplete="nickname"
        {...fieldAria('pseudonym', errors.pseudonym, ['pseudonym-hint', counterId('pseudonym')])}
        onChange={(e) => setPseudonym(e.target.value)}
      />
      <LengthCounter fieldId="pseudonym" length={pseudonym.trim().length} max={PSEUDONYM_MAX_LENGTH} />
      <FieldError fieldId="pseudonym" message={errors.pseudonym} />
      <CollegePicker value={college} onChange={setCollege} error={errors.college} />
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
