import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Tldraw } from 'tldraw';
import 'tldraw/tldraw.css';
import { assetUrls } from './assetUrls.js';
import { useYjsStore } from './useYjsStore.js';

/** A published board for anyone: read-only, anonymous, no session socket. */
export function VisitorBoard({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation();
  const user = useMemo(() => ({ id: `visitor-${crypto.randomUUID()}`, name: t('bank.visitor'), color: '#6b7280' }), [t]);
  const { storeWithStatus, fatalCloseCode } = useYjsStore({
    boardId: sessionId,
    params: { visitor: '1' },
    user,
    readOnly: true,
  });
  if (fatalCloseCode !== null || storeWithStatus.status === 'error') {
    return <p role="alert" className="centered">{t('board.closed.default')}</p>;
  }
  return <Tldraw store={storeWithStatus} assetUrls={assetUrls} />;
}
