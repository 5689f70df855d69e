import { useTranslation } from 'react-i18next';

export function ConnectionStatus({ online }: { online: boolean }) {
  const { t } = useTranslation();
  return (
    <div
      className={`connection-status ${online ? 'is-online' : 'is-offline'}`}
      role="status"
      aria-label={t('board.connectionStatus')}
      data-testid="connection-status"
    >
      <span className="dot" aria-hidden="true" />
      {online ? t('board.connected') : t('board.reconnecting')}
    </div>
  );
}
