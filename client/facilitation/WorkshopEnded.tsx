import { useTranslation } from 'react-i18next';
import { pagePaths } from '../../shared/paths.js';
import { isSessionClosed, type Principal } from '../../shared/roles.js';
import type { SessionView } from '../../shared/sessionSchemas.js';

/**
 * Once the workshop is over, participants and observers are told, with where
 * to go next (the bank entry once published). Facilitators get the record card
 * as the bar's primary action instead.
 */
export function WorkshopEnded({ session, principal }: { session: SessionView; principal: Principal }) {
  const { t } = useTranslation();
  if (!isSessionClosed(session.status) || principal.role === 'facilitator') return null;
  return (
    <section className="board-notice workshop-ended" role="status" data-testid="workshop-ended">
      <h2>{t('cockpit.ended.title')}</h2>
      {session.published ? (
        <a href={pagePaths.bankEntry(session.id)}>{t('cockpit.ended.bank')}</a>
      ) : (
        <p>{t('cockpit.ended.later')}</p>
      )}
    </section>
  );
}
