import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Tldraw, getUserPreferences, setUserPreferences } from 'tldraw';
import 'tldraw/tldraw.css';
import type { SessionView } from '../../shared/sessionSchemas.js';
import { api } from '../api.js';
import { assetUrls } from './assetUrls.js';
import { ConnectionStatus } from './ConnectionStatus.js';
import { useLocalIdentity } from './useLocalIdentity.js';
import { useYjsStore } from './useYjsStore.js';

export function TrameBoard({ session }: { session: SessionView }) {
  const { t, i18n } = useTranslation();
  const identity = useLocalIdentity();
  const [licenseKey, setLicenseKey] = useState<string | undefined>();
  const { storeWithStatus, fatalCloseCode } = useYjsStore({ boardId: session.id, user: identity });

  useEffect(() => {
    api
      .getConfig()
      .then((c) => setLicenseKey(c.tldrawLicenseKey ?? undefined))
      .catch(() => undefined);
  }, []);

  // tldraw's own menus follow Trame's language.
  useEffect(() => {
    setUserPreferences({ ...getUserPreferences(), locale: i18n.language, name: identity.name, color: identity.color });
  }, [i18n.language, identity.name, identity.color]);

  const closedMessage = useMemo(() => {
    if (fatalCloseCode === null) return null;
    const key = `board.closed.${fatalCloseCode}`;
    return i18n.exists(key) ? t(key) : t('board.closed.default');
  }, [fatalCloseCode, i18n, t]);

  if (closedMessage) {
    return (
      <div className="centered" role="alert">
        <p>{closedMessage}</p>
        <a href="/">{t('session.back')}</a>
      </div>
    );
  }
  if (storeWithStatus.status === 'error') {
    return (
      <div className="centered" role="alert">
        <p>{t('board.loadFailed', { message: storeWithStatus.error.message })}</p>
        <button type="button" onClick={() => window.location.reload()}>
          {t('board.reload')}
        </button>
      </div>
    );
  }
  const online = storeWithStatus.status === 'synced-remote' && storeWithStatus.connectionStatus === 'online';
  return (
    <div className="board">
      <Tldraw store={storeWithStatus} assetUrls={assetUrls} licenseKey={licenseKey} />
      {storeWithStatus.status === 'synced-remote' && <ConnectionStatus online={online} />}
    </div>
  );
}
