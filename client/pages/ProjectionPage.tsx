import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionView } from '../../shared/sessionSchemas.js';
import { api } from '../api.js';
import { loadAccess } from '../session/accessStore.js';
import { useQrCodeUrl } from '../session/useQrCodeUrl.js';
import { useErrorMessage } from '../useErrorMessage.js';
import { pagePaths } from '../../shared/paths.js';

/** What the room sees on the projector: the code, the QR code and the address, as large as possible. */
export function ProjectionPage({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [session, setSession] = useState<SessionView | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Opened from the facilitator's panel, on the facilitator's device: the code and QR code need their token.
  const token = loadAccess(sessionId)?.token;
  const qrUrl = useQrCodeUrl(sessionId, token);
  useEffect(() => {
    api.getSession(sessionId, token).then(setSession, (e) => setError(errorMessage(e)));
  }, [sessionId, token, errorMessage]);
  if (error) return <p role="alert" className="centered error">{error}</p>;
  if (!session) return <p className="centered">{t('session.loading')}</p>;
  if (!session.joinCode) return <p role="alert" className="centered error">{t('sheet.facilitatorOnly')}</p>;
  const address = `${window.location.host}${pagePaths.join()}`;
  return (
    <main className="projection">
      <h1>{session.title}</h1>
      <div className="projection-body">
        {qrUrl && <img src={qrUrl} alt={t('panel.qrAlt', { url: `${address}/${session.joinCode}` })} />}
        <div>
          <p>{t('projection.goTo')}</p>
          <p className="projection-address">{address}</p>
          <p>{t('projection.enterCode')}</p>
          <p className="projection-code">{session.joinCode}</p>
        </div>
      </div>
      <button type="button" onClick={() => void document.documentElement.requestFullscreen?.()}>
        {t('projection.fullscreen')}
      </button>
    </main>
  );
}
