import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiPaths } from '../../shared/paths.js';
import { useErrorMessage } from '../useErrorMessage.js';
import { downloadFile } from './downloadFile.js';

/**
 * What the suites become outside Trame: the « Retour aux participant·es » letter (PDF), Decidim's proposals
 * and meeting closing report, and the open data package.
 */
export function SuiteExports({ sessionId, token }: { sessionId: string; token: string }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const files = [
    { kind: 'retour', path: apiPaths.sessionRetourPdf(sessionId), fallback: 'retour-participants.pdf', primary: true },
    { kind: 'decidimCsv', path: apiPaths.sessionDecidimCsv(sessionId), fallback: 'decidim-propositions.csv' },
    { kind: 'decidimMeeting', path: apiPaths.sessionDecidimMeeting(sessionId, 'md'), fallback: 'decidim-rencontre.md' },
    { kind: 'dataPackage', path: apiPaths.sessionDataPackage(sessionId), fallback: 'donnees.zip' },
  ];
  const download = async (kind: string, path: string, fallback: string) => {
    setBusy(kind);
    setError(null);
    try {
      await downloadFile(path, token, fallback);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };
  return (
    <div className="suite-exports">
      <h4>{t('suites.exports.title')}</h4>
      {files.map((file) => (
        <button
          key={file.kind}
          type="button"
          className={file.primary ? 'is-primary' : undefined}
          disabled={busy !== null}
          onClick={() => void download(file.kind, file.path, file.fallback)}
        >
          {t(`suites.exports.${file.kind}`)}
        </button>
      ))}
      <p aria-live="polite" className="muted">
        {busy === 'retour' ? t('suites.exports.retourBusy') : busy ? t('export.busy') : ''}
      </p>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </div>
  );
}
