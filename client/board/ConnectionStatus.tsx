import { useTranslation } from 'react-i18next';

export interface Connection {
  online: boolean;
  /** Edits made on this device that the server has not received yet. */
  pending: number;
}

/** Connected or reconnecting, and how many edits wait to be sent (they are kept and sent on reconnection). */
export function ConnectionStatus({ connection }: { connection: Connection }) {
  const { t } = useTranslation();
  const { online, pending } = connection;
  return (
    <div
      className={`connection-status ${online ? 'is-online' : 'is-offline'}`}
      role="status"
      aria-label={t('board.connectionStatus')}
      data-testid="connection-status"
    >
      <span className="dot" aria-hidden="true" />
      <span>{online ? t('board.connected') : t('board.reconnecting')}</span>
      {pending > 0 && <span className="connection-status__pending">{t('board.pending', { count: pending })}</span>}
    </div>
  );
}
