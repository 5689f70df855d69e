import { useTranslation } from 'react-i18next';
import type { FacilitationView } from '../../shared/facilitation.js';
import type { SessionStatus } from '../../shared/roles.js';
import { primaryActionFor } from './primaryAction.js';
import type { WorkshopActions } from './useWorkshopActions.js';

/** The bar's one filled button: what the workshop most likely needs now. */
export function PrimaryActionButton({ state, status, actions }: { state: FacilitationView; status: SessionStatus; actions: WorkshopActions }) {
  const { t } = useTranslation();
  const action = primaryActionFor(state, status);
  switch (action.kind) {
    case 'sheet':
      return (
        <a className="button-link is-primary" href={actions.sheetHref}>
          {t('cockpit.primary.sheet')}
        </a>
      );
    case 'start':
      return (
        <button type="button" className="is-primary" onClick={actions.start}>
          {t('cockpit.primary.start')}
        </button>
      );
    case 'closeVote':
      return (
        <button type="button" className="is-primary" onClick={actions.closeVote}>
          {t('facilitation.vote.close')}
        </button>
      );
    case 'reveal':
      return (
        <button type="button" className="is-primary" onClick={actions.reveal}>
          {t('facilitation.private.reveal', { count: action.count })}
        </button>
      );
    case 'next':
      return (
        <button type="button" className="is-primary" onClick={actions.next}>
          {t('cockpit.primary.next')}
        </button>
      );
    case 'end':
      return (
        <button type="button" className="is-primary" onClick={actions.end}>
          {t('cockpit.end.button')}
        </button>
      );
  }
}
