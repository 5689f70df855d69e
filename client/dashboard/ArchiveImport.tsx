import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiRequestError } from '../api.js';
import { deviceTokensHeader, saveAccess } from '../session/accessStore.js';
import { useErrorMessage } from '../useErrorMessage.js';
import { navigate } from '../useRoute.js';
import { apiPaths, pagePaths } from '../../shared/paths.js';

/** Restores a session from a Trame archive file (backup, or migration from another instance). */
export function ArchiveImport({ password }: { password: string }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const onFile = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      let body: unknown;
      try {
        body = JSON.parse(await file.text());
      } catch {
        throw new Error(t('import.notJson'));
      }
      const res = await fetch(apiPaths.sessionImport, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...deviceTokensHeader(),
          ...(password ? { 'x-trame-password': password } : {}),
        },
        body: JSON.stringify(body),
      });
      const json = await res.json();
      if (!res.ok) throw new ApiRequestError(res.status, json.error?.code ?? 'internal', json.error?.message ?? '');
      saveAccess(json.access);
      navigate(pagePaths.session(json.id));
    } catch (e) {
      setError(e instanceof ApiRequestError ? errorMessage(e) : (e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="field">
      <label htmlFor="archive-file">{t('import.label')}</label>
      <input id="archive-file" type="file" accept=".json,application/json" disabled={busy} onChange={(e) => void onFile(e.target.files?.[0])} />
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </div>
  );
}
