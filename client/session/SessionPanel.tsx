import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SESSION_STATUSES, type SessionStatus } from '../../shared/roles.js';
import type { AccessGrant, SessionView } from '../../shared/sessionSchemas.js';
import { api } from '../api.js';
import { useErrorMessage } from '../useErrorMessage.js';
import { facilitatorLink } from './accessStore.js';
import { CopyField } from './CopyField.js';
import { ExportActions } from './ExportActions.js';
import { ParticipantList } from './ParticipantList.js';
import { useQrCodeUrl } from './useQrCodeUrl.js';
import type { SessionSocket } from './useSessionSocket.js';
import { pagePaths } from '../../shared/paths.js';

const NEW_SESSION_KEY = 'trame.newSession';

/** The facilitator's drawer: how people get in, who is here, and the session's settings. */
export function SessionPanel(props: {
  session: SessionView;
  access: AccessGrant;
  socket: SessionSocket;
  onSessionChange: (s: SessionView) => void;
  /** Board-side tools (canvas image export), rendered inside the panel. */
  children?: React.ReactNode;
}) {
  const { session, access, socket, onSessionChange, children } = props;
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const justCreated = sessionStorage.getItem(NEW_SESSION_KEY) === session.id;
  const [open, setOpen] = useState(justCreated);
  const [roleLinks, setRoleLinks] = useState<{ role: string; url: string }[]>([]);
  const [error, setError] = useState<string | null>(null);
  const joinCode = session.joinCode ?? '';
  const joinUrl = `${window.location.origin}${pagePaths.join(joinCode)}`;
  const qrUrl = useQrCodeUrl(session.id, access.token);

  const update = async (patch: Partial<Pick<SessionView, 'status' | 'colorByCollege'>>) => {
    try {
      onSessionChange(await api.updateSession(session.id, access.token, patch));
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  const createLink = async (role: 'facilitator' | 'observer') => {
    try {
      const link = await api.createLink(session.id, access.token, role);
      setRoleLinks((links) => [...links, { role, url: link.url }]);
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  const toggle = () => {
    sessionStorage.removeItem(NEW_SESSION_KEY);
    setOpen((o) => !o);
  };

  return (
    <aside className="session-panel" aria-label={t('panel.title')}>
      <button type="button" aria-expanded={open} aria-controls="session-panel-body" onClick={toggle}>
        {t('panel.title')}
      </button>
      {open && (
        <div id="session-panel-body" className="session-panel-body">
          {justCreated && (
            <div className="notice" role="status">
              <p>{t('panel.keepLink')}</p>
            </div>
          )}
          <section aria-labelledby="join-title">
            <h3 id="join-title">{t('panel.join')}</h3>
            <p className="join-code" aria-label={t('panel.codeAria', { code: joinCode.split('').join(' ') })}>
              {joinCode}
            </p>
            {qrUrl && <img className="qr" src={qrUrl} alt={t('panel.qrAlt', { url: joinUrl })} />}
            <CopyField label={t('panel.joinLink')} value={joinUrl} />
            <a href={pagePaths.sessionProjection(session.id)} target="_blank" rel="noopener">
              {t('panel.project')}
            </a>
          </section>
          <CopyField label={t('panel.myLink')} value={facilitatorLink(access)} />
          <ParticipantList sessionId={session.id} token={access.token} socket={socket} />
          <section aria-labelledby="links-title">
            <h3 id="links-title">{t('panel.roleLinks')}</h3>
            <div className="row">
              <button type="button" onClick={() => createLink('facilitator')}>
                {t('panel.coFacilitatorLink')}
              </button>
              <button type="button" onClick={() => createLink('observer')}>
                {t('panel.observerLink')}
              </button>
            </div>
            {roleLinks.map((link) => (
              <CopyField key={link.url} label={t(`panel.linkFor.${link.role}`)} value={link.url} />
            ))}
          </section>
          <section aria-labelledby="settings-title">
            <h3 id="settings-title">{t('panel.settings')}</h3>
            <label className="checkbox">
              <input
                type="checkbox"
                checked={session.colorByCollege}
                onChange={(e) => update({ colorByCollege: e.target.checked })}
              />
              {t('panel.colorByCollege')}
            </label>
            <label htmlFor="session-status">{t('panel.status')}</label>
            <select
              id="session-status"
              value={session.status}
              onChange={(e) => update({ status: e.target.value as SessionStatus })}
            >
              {SESSION_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`status.${s}`)}
                </option>
              ))}
            </select>
          </section>
          <ExportActions sessionId={session.id} token={access.token} />
          {children}
          {error && (
            <p role="alert" className="error">
              {error}
            </p>
          )}
        </div>
      )}
    </aside>
  );
}

export function markSessionJustCreated(sessionId: string): void {
  sessionStorage.setItem(NEW_SESSION_KEY, sessionId);
}
