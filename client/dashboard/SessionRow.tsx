import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionView } from '../../shared/sessionSchemas.js';
import { ECHELONS, facetLabel } from '../../shared/taxonomy.js';
import { api } from '../api.js';
import { useFormat } from '../format.js';
import { forgetAccess, loadAccess, saveAccess } from '../session/accessStore.js';
import { navigate } from '../useRoute.js';
import { downloadFile } from '../session/downloadFile.js';
import { apiPaths, pagePaths } from '../../shared/paths.js';
import { instancePassword } from './instancePassword.js';
import { MatchPassage } from './MatchPassage.js';
import { nextAction } from './nextAction.js';

/** One session on the dashboard: its next action first; managing actions need this device's facilitator token. */
export function SessionRow(props: { session: SessionView; onChanged: () => void; onError: (e: unknown) => void }) {
  const { session, onChanged, onError } = props;
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const [exporting, setExporting] = useState(false);
  const access = loadAccess(session.id);
  const canManage = access?.role === 'facilitator';
  const territory = session.description.territory;
  const run = (action: () => Promise<unknown>) => async () => {
    try {
      await action();
      onChanged();
    } catch (error) {
      onError(error);
    }
  };
  const go = (path: string) => (e: React.MouseEvent) => {
    e.preventDefault();
    navigate(path);
  };
  const exportPdf = async () => {
    if (!access) return;
    setExporting(true);
    try {
      await downloadFile(apiPaths.sessionReportPdf(session.id), access.token, 'compte-rendu.pdf');
    } catch (e) {
      onError(e);
    } finally {
      setExporting(false);
    }
  };
  const next = nextAction(session);
  const titleSuffix = <span className="visually-hidden"> {session.title}</span>;
  return (
    <li className="session-row">
      <div className="session-row-main">
        <a href={pagePaths.session(session.id)} onClick={go(pagePaths.session(session.id))} className="session-title">
          {session.title}
        </a>
        <p className="muted">
          {[
            format.date(session.description.date ?? session.updatedAt),
            territory?.name,
            territory?.echelon ? facetLabel(ECHELONS, territory.echelon, i18n.language) : null,
            session.published ? t('dashboard.published') : null,
          ]
            .filter(Boolean)
            .join(' · ')}
        </p>
        {session.match && <MatchPassage match={session.match} />}
      </div>
      {canManage && access && (
        <div className="session-row-actions" role="group" aria-label={t('dashboard.actionsFor', { title: session.title })}>
          {next === 'export' ? (
            <button type="button" className="next-action" disabled={exporting} onClick={() => void exportPdf()}>
              {exporting ? t('export.pdfBusy') : t('dashboard.next.export')}
              {titleSuffix}
            </button>
          ) : (
            <a
              className="button-link next-action"
              href={next === 'publish' ? pagePaths.sessionSheet(session.id) : pagePaths.session(session.id)}
              onClick={go(next === 'publish' ? pagePaths.sessionSheet(session.id) : pagePaths.session(session.id))}
            >
              {t(`dashboard.next.${next}`)}
              {titleSuffix}
            </a>
          )}
          {session.status === 'running' && (
            <button type="button" className="secondary" onClick={run(() => api.updateSession(session.id, access.token, { status: 'finished' }))}>
              {t('dashboard.next.finish')}
              {titleSuffix}
            </button>
          )}
          <details className="more-actions">
            <summary>
              {t('dashboard.more')}
              {titleSuffix}
            </summary>
            <div className="row">
              <a href={pagePaths.sessionSheet(session.id)} onClick={go(pagePaths.sessionSheet(session.id))}>
                {t('dashboard.describe')}
              </a>
              {next !== 'export' && (
                <button type="button" className="secondary" disabled={exporting} onClick={() => void exportPdf()}>
                  {exporting ? t('export.pdfBusy') : t('export.pdf')}
                </button>
              )}
              <button type="button" className="secondary" onClick={run(async () => saveAccess((await api.duplicateSession(session.id, access.token, false, instancePassword())).access))}>
                {t('dashboard.duplicateEmpty')}
              </button>
              <button type="button" className="secondary" onClick={run(async () => saveAccess((await api.duplicateSession(session.id, access.token, true, instancePassword())).access))}>
                {t('dashboard.duplicateFull')}
              </button>
              {session.status !== 'archived' && (
                <button type="button" className="secondary" onClick={run(() => api.updateSession(session.id, access.token, { status: 'archived' }))}>
                  {t('dashboard.archive')}
                </button>
              )}
              <button
                type="button"
                className="danger"
                onClick={run(async () => {
                  if (!window.confirm(t('dashboard.deleteConfirm', { title: session.title }))) return;
                  await api.deleteSession(session.id, access.token, instancePassword());
                  forgetAccess(session.id);
                })}
              >
                {t('dashboard.delete')}
              </button>
            </div>
          </details>
        </div>
      )}
    </li>
  );
}
