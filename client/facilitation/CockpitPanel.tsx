import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Editor } from 'tldraw';
import type { FacilitationView } from '../../shared/facilitation.js';
import { pagePaths } from '../../shared/paths.js';
import { isSessionClosed, type SessionStatus } from '../../shared/roles.js';
import { BoardControls } from './BoardControls.js';
import { PanelSection } from './PanelSection.js';
import { PrivateWritingControls } from './PrivateWritingControls.js';
import { StepsEditor } from './StepsEditor.js';
import { TimerControls } from './TimerControls.js';
import { useCanvasTitles } from './useCanvasTitles.js';
import type { Facilitation } from './useFacilitation.js';
import type { WorkshopActions } from './useWorkshopActions.js';
import { VoteControls } from './VoteControls.js';

export type SectionId = 'steps' | 'timer' | 'vote' | 'private' | 'board' | 'access' | 'suites' | 'exports';

/**
 * The facilitator's panel, a column beside the board: sections that open one
 * at a time, the room view to cast, and the end of the workshop.
 */
export function CockpitPanel(props: {
  sessionId: string;
  status: SessionStatus;
  state: FacilitationView;
  editor: Editor | null;
  send: Facilitation['send'];
  error: string | null;
  actions: WorkshopActions;
  initialSection: SectionId;
  onClose: () => void;
  /** Board tools (pause, follow, canvases), access and exports come from the page, which owns the session. */
  canvasTools: ReactNode;
  access: ReactNode;
  /** The session's suites (what follows from its notes). */
  suites: ReactNode;
  exports: ReactNode;
}) {
  const { sessionId, status, state, editor, send, error, actions, initialSection, onClose } = props;
  const { t } = useTranslation();
  const canvasTitles = useCanvasTitles(editor);
  const [open, setOpen] = useState<SectionId | null>(initialSection);
  const section = (id: SectionId, title: string, children: ReactNode, summary?: string) => (
    <PanelSection title={title} summary={summary} open={open === id} onToggle={() => setOpen((o) => (o === id ? null : id))}>
      {children}
    </PanelSection>
  );
  const vote = state.vote;
  return (
    <aside className="cockpit-panel cockpit" aria-label={t('facilitation.panel.label')}>
      <div className="cockpit-panel__head">
        <h2 className="cockpit-panel__title">{t('facilitation.panel.show')}</h2>
        <a className="button-link" href={pagePaths.sessionRoomView(sessionId)} target="_blank" rel="noopener">
          {t('cockpit.room.cast')}
        </a>
        <button type="button" className="is-quiet cockpit-panel__close" aria-expanded onClick={onClose} aria-label={t('facilitation.panel.hide')} title={t('facilitation.panel.hide')}>
          ✕
        </button>
      </div>
      {error && (
        <p role="alert" className="error cockpit-panel__error">
          {error}
        </p>
      )}
      <div className="cockpit-panel__sections">
        {section(
          'steps',
          t('facilitation.steps.title'),
          <StepsEditor
            steps={state.steps}
            currentStep={state.currentStep}
            canvasTitles={canvasTitles}
            withTimer={actions.withTimer}
            onWithTimer={actions.setWithTimer}
            send={send}
          />,
          state.currentStep >= 0 ? `${state.currentStep + 1}/${state.steps.length}` : undefined,
        )}
        {section('timer', t('facilitation.timer.title'), <TimerControls timer={state.timer} send={send} />, state.timer ? t('cockpit.summary.on') : undefined)}
        {section(
          'vote',
          t('facilitation.vote.title'),
          <VoteControls vote={vote} editor={editor} send={send} />,
          vote ? t(`cockpit.summary.vote.${vote.status}`) : undefined,
        )}
        {section('private', t('facilitation.private.start'), <PrivateWritingControls state={state} send={send} />, state.privateWriting ? t('cockpit.summary.on') : undefined)}
        {section(
          'board',
          t('cockpit.sections.board'),
          <>
            <BoardControls state={state} send={send} />
            {props.canvasTools}
          </>,
          state.paused ? t('cockpit.summary.paused') : undefined,
        )}
        {section('access', t('panel.title'), props.access)}
        {section('suites', t('suites.title'), props.suites)}
        {section('exports', t('cockpit.sections.exports'), props.exports)}
      </div>
      <div className="cockpit-panel__foot">
        {isSessionClosed(status) ? (
          <a className="button-link" href={actions.sheetHref}>
            {t('cockpit.primary.sheet')}
          </a>
        ) : (
          <button type="button" className="is-danger" onClick={actions.end}>
            {t('cockpit.end.button')}
          </button>
        )}
      </div>
    </aside>
  );
}
