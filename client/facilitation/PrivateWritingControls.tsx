import { useTranslation } from 'react-i18next';
import type { FacilitationView } from '../../shared/facilitation.js';
import type { Facilitation } from './useFacilitation.js';

/** The Écriture individuelle section: start or stop it, and reveal the notes written meanwhile. */
export function PrivateWritingControls({ state, send }: { state: FacilitationView; send: Facilitation['send'] }) {
  const { t } = useTranslation();
  return (
    <>
      <p className="muted small">{t('cockpit.private.explain')}</p>
      <div className="panel-row">
        <button type="button" aria-pressed={state.privateWriting} onClick={() => send('private:set', { enabled: !state.privateWriting })}>
          {state.privateWriting ? t('facilitation.private.stop') : t('facilitation.private.start')}
        </button>
        <button type="button" className="is-primary" disabled={state.privateNoteCount === 0} onClick={() => send('private:reveal', {})}>
          {t('facilitation.private.reveal', { count: state.privateNoteCount })}
        </button>
      </div>
    </>
  );
}
