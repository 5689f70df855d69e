import { useTranslation } from 'react-i18next';
import { apiPaths } from '../../shared/paths.js';
import { useDownloads } from './useDownloads.js';

/**
 * What the suites become outside Trame: the « Retour aux participant·es » letter (PDF), Decidim's proposals
 * and meeting closing report, and the open data package.
 */
export function SuiteExports({ sessionId, token }: { sessionId: string; token: string }) {
  const { t } = useTranslation();
  const { busy, error, download } = useDownloads(token);
  const files = [
    { kind: 'retour', path: apiPaths.sessionRetourPdf(sessionId), fallback: 'retour-participants.pdf', primary: true },
    { kind: 'decidimCsv', path: apiPaths.sessionDecidimCsv(sessionId), fallback: 'decidim-propositions.csv' },
    { kind: 'decidimMeeting', path: apiPaths.sessionDecidimMeeting(sessionId, 'md'), fallback: 'decidim-rencontre.md' },
    { kind: 'dataPackage', path: apiPaths.sessionDataPackage(sessionId), fallback: 'donnees.zip' },
  ];
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
