import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionView } from '../../shared/sessionSchemas.js';
import { ECHELONS, facetLabel } from '../../shared/taxonomy.js';
import { api } from '../api.js';
import { forgetAccess, loadAccess, saveAccess } from '../session/accessStore.js';
import { navigate } from '../useRoute.js';
import { downloadFile } from '../session/downloadFile.js';
import { apiPaths, pagePaths } from '../../shared/paths.js';

// Where the home page keeps the instance password this tab was given: deleting and duplicating need it too.
const PASSWORD_KEY = 'trame.facilitatorPassword';
const instancePassword = () => sessionStorage.getItem(PASSWORD_KEY) ?? undefined;

/** One session on the dashboard; managing actions need this device's facilitator token. */
export function SessionRow(props: { session: SessionView; onChanged: () => void; onError: (e: unknown) => void }) {
  const { session, onChanged, onError } = props;
  const { t, i18n } = useTranslation();
  const [exporting, setExporting] = useState(false);
  const access = loadAccess(session.id);
  const canManage = access?.role === 'facilitator';
  const territory = session.description.territory;
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'long' }).format(
    new Date(session.description.date ?? session.createdAt),
  );
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
  return (
    <li className="session-row">
      <div>
        <a href={pagePaths.session(session.id)} onClick={go(pagePaths.session(session.id))} className="session-title">
          {session.title}
        </a>
        <p className="muted">
          {[
            date,
            t(`status.${session.status}`),
            territory?.name,
            territory?.echelon ? facetLabel(ECHELONS, territory.echelon, i18n.language) : null,
            session.published ? t('dashboard.published') : null,
          ]
            .filter(Boolean)
            .join(' · ')}
        </p>
      </div>
      {canManage && access && (
        <div className="row actions" role="group" aria-label={t('dashboard.actionsFor', { title: session.title })}>
          <a href={pagePaths.sessionSheet(session.id)} onClick={go(pagePaths.sessionSheet(session.id))}>
            {t('dashboard.describe')}
          </a>
          <button
            type="button"
            className="secondary"
            disabled={exporting}
            onClick={async () => {
              setExporting(true);
              try {
                await downloadFile(apiPaths.sessionReportPdf(session.id), access.token, 'compte-rendu.pdf');
              } catch (e) {
                onError(e);
              } finally {
                setExporting(false);
              }
            }}
          >
            {exporting ? t('export.pdfBusy') : t('export.pdf')}
          </button>
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
      )}
    </li>
  );
}
