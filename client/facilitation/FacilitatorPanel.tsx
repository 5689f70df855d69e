import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Editor } from 'tldraw';
import type { FacilitationView } from '../../shared/facilitation.js';
import { StepsEditor } from './StepsEditor.js';
import { TimerControls } from './TimerControls.js';
import type { Facilitation } from './useFacilitation.js';
import { VoteControls } from './VoteControls.js';

/** Every facilitation control in one collapsible side panel. */
export function FacilitatorPanel({ state, editor, send, error, extra }: {
  state: FacilitationView;
  editor: Editor | null;
  send: Facilitation['send'];
  error: string | null;
  extra?: React.ReactNode;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(true);
  return (
    <aside className={`facilitator-panel facilitator-panel--${open ? 'open' : 'closed'}`} aria-label={t('facilitation.panel.label')}>
      <button type="button" className="facilitator-panel__toggle" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
        {open ? t('facilitation.panel.hide') : t('facilitation.panel.show')}
      </button>
      {open && (
        <div className="facilitator-panel__body">
          {error && (
            <p role="alert" className="error">
              {error}
            </p>
          )}
          <StepsEditor steps={state.steps} currentStep={state.currentStep} send={send} />
          <TimerControls timer={state.timer} send={send} />
          <section className="panel-block">
            <h3>{t('facilitation.board.title')}</h3>
            <div className="panel-row">
              <button type="button" aria-pressed={state.paused} onClick={() => send('pause:set', { paused: !state.paused })}>
                {state.paused ? t('facilitation.pause.resume') : t('facilitation.pause.pause')}
              </button>
              {state.follow ? (
                <button type="button" onClick={() => send('follow:stop', {})}>
                  {t('facilitation.follow.stop')}
                </button>
              ) : (
                <button type="button" onClick={() => send('follow:start', {})}>
                  {t('facilitation.follow.start')}
                </button>
              )}
            </div>
            <div className="panel-row">
              <button
                type="button"
                aria-pressed={state.privateWriting}
                onClick={() => send('private:set', { enabled: !state.privateWriting })}
              >
                {state.privateWriting ? t('facilitation.private.stop') : t('facilitation.private.start')}
              </button>
              <button type="button" disabled={state.privateNoteCount === 0} onClick={() => send('private:reveal', {})}>
                {t('facilitation.private.reveal', { count: state.privateNoteCount })}
              </button>
            </div>
          </section>
          <VoteControls vote={state.vote} editor={editor} send={send} />
          {extra}
        </div>
      )}
    </aside>
  );
}
