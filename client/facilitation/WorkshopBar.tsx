import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FacilitationView } from '../../shared/facilitation.js';
import type { Principal, SessionStatus } from '../../shared/roles.js';
import { ConnectionStatus, type Connection } from '../board/ConnectionStatus.js';
import { CollegeLegend } from '../session/CollegeLegend.js';
import { PrimaryActionButton } from './PrimaryActionButton.js';
import { TimerDisplay } from './TimerDisplay.js';
import type { Facilitation } from './useFacilitation.js';
import type { EndSound } from './useEndSound.js';
import type { WorkshopActions } from './useWorkshopActions.js';

export interface WorkshopBarProps {
  state: FacilitationView;
  principal: Principal;
  status: SessionStatus;
  clockOffsetMs: number;
  onTimerEnd: () => void;
  sound: EndSound;
  connection: Connection | null;
  showLegend: boolean;
  listView: boolean;
  onListView: () => void;
  participantTools?: ReactNode;
  /** Facilitators only. */
  cockpit?: { send: Facilitation['send']; actions: WorkshopActions; panelOpen: boolean; onPanel: () => void };
}

/**
 * The bar above the board, never over it: where the workshop is (step,
 * instruction, timer), and for facilitators the moves of the moment
 * (previous, next, the one primary action, the panel).
 */
export function WorkshopBar(props: WorkshopBarProps) {
  const { state, principal, status, clockOffsetMs, onTimerEnd, sound, connection, showLegend, listView, onListView, participantTools, cockpit } = props;
  const { t } = useTranslation();
  const step = state.steps[state.currentStep];
  const vote = state.vote;
  const go = (index: number) => void cockpit?.send('steps:go', { index, startTimer: cockpit.actions.withTimer });

  return (
    <header className={`workshop-bar cockpit${cockpit ? ' workshop-bar--facilitator' : ''}`} aria-label={t('cockpit.bar')}>
      <div className="workshop-bar__step" data-testid="step-banner">
        {cockpit && (
          <button
            type="button"
            className="is-quiet workshop-bar__nav"
            disabled={state.currentStep <= 0}
            onClick={() => go(state.currentStep - 1)}
            aria-label={t('facilitation.steps.previous')}
            title={t('facilitation.steps.previous')}
          >
            ‹
          </button>
        )}
        <div className="workshop-bar__where">
          <p className="workshop-bar__count">
            {cockpit && <span className={`status-chip status-chip--${status}`}>{t(`status.${status}`)}</span>}
            {step && t('facilitation.step.count', { index: state.currentStep + 1, total: state.steps.length })}
            {!step && !cockpit && t(`status.${status}`)}
            {/* Facilitators set these themselves: a word is enough; participants get the full sentence below. */}
            {cockpit && state.paused && <span className="status-chip status-chip--flag">{t('facilitation.steps.pauseBoard')}</span>}
            {cockpit && state.privateWriting && <span className="status-chip status-chip--flag">{t('facilitation.steps.privateWriting')}</span>}
          </p>
          {step && <h2 className="workshop-bar__title">{step.title}</h2>}
          {!step && cockpit && state.steps[0] && (
            <p className="workshop-bar__next">{t('cockpit.steps.first', { title: state.steps[0].title, count: state.steps.length })}</p>
          )}
          {step?.instruction && !cockpit && <p className="workshop-bar__instruction">{step.instruction}</p>}
          {!cockpit && state.paused && <p className="workshop-bar__flag workshop-bar__flag--paused">{t('facilitation.pause.banner')}</p>}
          {!cockpit && state.privateWriting && <p className="workshop-bar__flag">{t('facilitation.private.banner')}</p>}
        </div>
        {cockpit && (
          <button
            type="button"
            className="is-quiet workshop-bar__nav"
            disabled={state.currentStep >= state.steps.length - 1}
            onClick={() => go(state.currentStep + 1)}
            aria-label={t('facilitation.steps.next')}
            title={t('facilitation.steps.next')}
          >
            ›
          </button>
        )}
      </div>
      {state.timer && <TimerDisplay timer={state.timer} clockOffsetMs={clockOffsetMs} onEnd={onTimerEnd} sound={sound} />}
      {vote?.status === 'open' && principal.role === 'participant' && !listView && (
        <p className="workshop-bar__vote" data-testid="vote-remaining" title={t('facilitation.vote.howTo', { max: vote.maxPerNote })}>
          {t('facilitation.vote.remaining', { count: vote.remaining, budget: vote.budget })}
        </p>
      )}
      {cockpit && <PrimaryActionButton state={state} status={status} actions={cockpit.actions} />}
      <div className="workshop-bar__tools">
        {connection && <ConnectionStatus connection={connection} />}
        {showLegend && <CollegeLegend />}
        <button type="button" className="view-switch" aria-pressed={listView} onClick={onListView}>
          {listView ? t('list.showBoard') : t('list.showList')}
        </button>
        {participantTools}
        {cockpit && !cockpit.panelOpen && (
          <button type="button" className="is-primary-outline" aria-expanded={false} onClick={cockpit.onPanel}>
            {t('facilitation.panel.show')}
          </button>
        )}
      </div>
    </header>
  );
}
