import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccessGrant, SessionView } from '../../shared/sessionSchemas.js';
import { api } from '../api.js';
import { useErrorMessage } from '../useErrorMessage.js';
import { facilitatorLink } from './accessStore.js';
import { CopyField } from './CopyField.js';
import { ParticipantList } from './ParticipantList.js';
import { useQrCodeUrl } from './useQrCodeUrl.js';
import type { SessionSocket } from './useSessionSocket.js';
import { pagePaths } from '../../shared/paths.js';

const NEW_SESSION_KEY = 'trame.newSession';

/** Whether this device just created the session: the panel then opens on how people get in. */
export function isSessionJustCreated(sessionId: string): boolean {
  return sessionStorage.getItem(NEW_SESSION_KEY) === sessionId;
}

export function markSessionJustCreated(sessionId: string): void {
  sessionStorage.setItem(NEW_SESSION_KEY, sessionId);
}

/** « Participants et accès »: how people get in, who is here, the role links, the colour and editing settings. */
export function AccessSection(props: {
  session: SessionView;
  access: AccessGrant;
  socket: SessionSocket;
  onSessionChange: (s: SessionView) => void;
}) {
  const { session, access, socket, onSessionChange } = props;
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [justCreated] = useState(() => isSessionJustCreated(session.id));
  const [roleLinks, setRoleLinks] = useState<{ role: string; url: string }[]>([]);
  const [error, setError] = useState<string | null>(null);
  const joinCode = session.joinCode ?? '';
  const joinUrl = `${window.location.origin}${pagePaths.join(joinCode)}`;
  const qrUrl = useQrCodeUrl(session.id, access.token);

  const setOption = async (option: { colorByCollege: boolean } | { everyoneEditsNotes: boolean }) => {
    try {
      onSessionChange(await api.updateSession(session.id, access.token, option));
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

  return (
    <div className="access-section">
      {justCreated && (
        <div className="notice" role="status">
          <p>{t('panel.keepLink')}</p>
        </div>
      )}
      <section aria-labelledby="join-title">
        <h4 id="join-title">{t('panel.join')}</h4>
        <div className="join-block">
          <p className="join-code" aria-label={t('panel.codeAria', { code: joinCode.split('').join(' ') })}>
            {joinCode}
          </p>
          {qrUrl && <img className="qr" src={qrUrl} alt={t('panel.qrAlt', { url: joinUrl })} />}
        </div>
        <CopyField label={t('panel.joinLink')} value={joinUrl} />
        <a href={pagePaths.sessionProjection(session.id)} target="_blank" rel="noopener">
          {t('panel.project')}
        </a>
      </section>
      <CopyField label={t('panel.myLink')} value={facilitatorLink(access)} />
      <ParticipantList sessionId={session.id} token={access.token} socket={socket} withdrawn={session.contributionsWithdrawn} />
      <section aria-labelledby="links-title">
        <h4 id="links-title">{t('panel.roleLinks')}</h4>
        <div className="panel-row">
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
      <label className="panel-check">
        <input type="checkbox" checked={session.colorByCollege} onChange={(e) => setOption({ colorByCollege: e.target.checked })} />
        <span>{t('panel.colorByCollege')}</span>
      </label>
      <label className="panel-check">
        <input
          type="checkbox"
          checked={session.everyoneEditsNotes}
          onChange={(e) => setOption({ everyoneEditsNotes: e.target.checked })}
          aria-describedby="everyone-edits-hint"
        />
        <span>{t('panel.everyoneEditsNotes')}</span>
      </label>
      <p id="everyone-edits-hint" className="panel-check__hint">
        {t('panel.everyoneEditsNotesHint')}
      </p>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </div>
  );
}
