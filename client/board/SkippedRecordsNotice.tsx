import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api.js';
import { useErrorMessage } from '../useErrorMessage.js';

/**
 * Says that some of the board's records could not be read and were left
 * out; a facilitator can remove them for everyone (« Réparer le tableau »).
 */
export function SkippedRecordsNotice({ count, sessionId, token, facilitator }: { count: number; sessionId: string; token: string; facilitator: boolean }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const describe = useErrorMessage();
  if (count === 0) return null;
  const repair = async () => {
    setBusy(true);
    setError(null);
    try {
      await api.repairBoard(sessionId, token);
    } catch (e) {
      setError(describe(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="read-only-banner board-skipped" role="status" data-testid="skipped-records">
      <p>{t('trust.skipped', { count })}</p>
      {facilitator && (
        <button type="button" onClick={() => void repair()} disabled={busy}>
          {t('trust.repair')}
        </button>
      )}
      {error && <p role="alert">{error}</p>}
    </div>
  );
}
