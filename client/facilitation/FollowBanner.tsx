import { useTranslation } from 'react-i18next';
import type { FollowStatus } from './useFollow.js';

/** Tells followers they follow the facilitator, and how to come back after breaking away. */
export function FollowBanner({ status, leaderName, onRejoin, onLeave }: {
  status: FollowStatus;
  leaderName: string;
  onRejoin: () => void;
  onLeave: () => void;
}) {
  const { t } = useTranslation();
  if (status === 'none' || status === 'leading') return null;
  return (
    <div className="facilitation-follow" role="status" data-testid="follow-banner">
      {status === 'following' ? (
        <>
          <span>{t('facilitation.follow.following', { name: leaderName })}</span>
          <button type="button" onClick={onLeave}>
            {t('facilitation.follow.leave')}
          </button>
        </>
      ) : (
        <>
          <span>{t('facilitation.follow.detached')}</span>
          <button type="button" onClick={onRejoin}>
            {t('facilitation.follow.rejoin')}
          </button>
        </>
      )}
    </div>
  );
}
