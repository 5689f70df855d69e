import { useTranslation } from 'react-i18next';
import type { FacilitationView } from '../../shared/facilitation.js';
import type { Facilitation } from './useFacilitation.js';

/** Pause the board for participants, and bring everyone's view to the facilitator's. */
export function BoardControls({ state, send }: { state: FacilitationView; send: Facilitation['send'] }) {
  const { t } = useTranslation();
  return (
    <div className="panel-row">
      <button type="button" aria-pressed={state.paused} onClick={() => send('pause:set', { paused: !state.paused })}>
        {state.paused ? t('facilitation.pause.resume') : t('facilitation.pause.pause')}
      </button>
      {state.follow ? (
        <button type="button" aria-pressed onClick={() => send('follow:stop', {})}>
          {t('facilitation.follow.stop')}
        </button>
      ) : (
        <button type="button" onClick={() => send('follow:start', {})}>
          {t('facilitation.follow.start')}
        </button>
      )}
    </div>
  );
}
