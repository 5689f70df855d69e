import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDownloads } from './useDownloads.js';
import { apiPaths, queryString } from '../../shared/paths.js';

/** The exports of a session: the PDF report (with its options), the CSV and the archive. */
export function ExportActions({ sessionId, token }: { sessionId: string; token: string }) {
  const { t } = useTranslation();
  const { busy, error, download } = useDownloads(token);
  const [a3, setA3] = useState(false);
  const [anonymous, setAnonymous] = useState(false);
  const options = queryString({ paper: a3 ? 'A3' : 'A4', anonymous: anonymous ? 1 : 0 });

  const run = (kind: string, path: string, fallback: string) => () => void download(kind, path, fallback);

  return (
    <div className="export-actions">
      <button type="button" className="is-primary" disabled={busy !== null} onClick={run('pdf', `${apiPaths.sessionReportPdf(sessionId)}${options}`, 'compte-rendu.pdf')}>
        {t('export.pdf')}
      </button>
      <div className="panel-row">
        <label className="panel-check">
          <input type="checkbox" checked={a3} onChange={(e) => setA3(e.target.checked)} />
          {t('export.a3')}
        </label>
        <label className="panel-check">
          <input type="checkbox" checked={anonymous} onChange={(e) => setAnonymous(e.target.checked)} />
          {t('export.anonymous')}
        </label>
      </div>
      <div className="panel-row">
        <button type="button" disabled={busy !== null} onClick={run('csv', `${apiPaths.sessionContributionsCsv(sessionId)}${options}`, 'contributions.csv')}>
          {t('export.csv')}
        </button>
        <button type="button" disabled={busy !== null} onClick={run('archive', apiPaths.sessionArchive(sessionId), 'atelier.trame.json')}>
          {t('export.archive')}
        </button>
      </div>
      <p aria-live="polite" className="muted">
        {busy === 'pdf' ? <span className="spinner-text">{t('export.pdfBusy')}</span> : busy ? t('export.busy') : ''}
      </p>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </div>
  );
}
