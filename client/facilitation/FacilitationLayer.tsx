/**
 * The board page's frame: the workshop bar above the board, the board with
 * what belongs on it (follow-me, vote badges, the end of the workshop), and
 * for facilitators the cockpit panel beside it. Bar and panel never sit over
 * the canvas, so tldraw's own menus and Trame's controls cannot cover each other;
 * vote badges and private-note marks go in tldraw's own layer (BoardOverlays).
 */
import { useCallback, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Editor } from 'tldraw';
import type { Principal } from '../../shared/roles.js';
import type { SessionView } from '../../shared/sessionSchemas.js';
import type { Connection } from '../board/ConnectionStatus.js';
import './facilitation.css';
import { BoardOverlayContext } from '../board/BoardOverlays.js';
import { CockpitPanel, type SectionId } from './CockpitPanel.js';
import { FollowBanner } from './FollowBanner.js';
import { useAnnouncements } from './useAnnouncements.js';
import { useEndSound } from './useEndSound.js';
import { useFacilitation, type FacilitationSocket } from './useFacilitation.js';
import { useFollow } from './useFollow.js';
import { usePauseReadonly } from './usePauseReadonly.js';
import { usePrivateNotes } from './usePrivateNotes.js';
import { useTapToVote } from './useTapToVote.js';
import { useWorkshopActions } from './useWorkshopActions.js';
import { VoteResultsCard } from './VoteResultsCard.js';
import { WorkshopBar } from './WorkshopBar.js';
import { WorkshopEnded } from './WorkshopEnded.js';

export interface FacilitationLayerProps {
  socket: FacilitationSocket;
  principal: Principal;
  editor: Editor | null;
  session: SessionView;
  connection: Connection | null;
  listView: boolean;
  onListView: () => void;
  /** The canvas (tldraw) and what covers it on purpose (the list view). */
  children: ReactNode;
  /** Facilitators' panel content owned by the page: canvas tools, access, exports. */
  panel?: { canvasTools: ReactNode; access: ReactNode; suites: ReactNode; exports: ReactNode; initialSection: SectionId };
  /** Participants' own tools in the bar, owned by the page (« Mes contributions »). */
  participantTools?: ReactNode;
}

export function FacilitationLayer(props: FacilitationLayerProps) {
  const { socket, principal, editor, session, connection, listView, onListView, children, panel, participantTools } = props;
  const { t } = useTranslation();
  const { state, clockOffsetMs, send, error } = useFacilitation(socket);
  const follow = useFollow(socket, editor, principal, state?.follow ?? null);
  usePrivateNotes(socket, editor, principal, state?.privateWriting ?? false, send);
  usePauseReadonly(editor, principal, state?.paused ?? false);
  const sound = useEndSound();
  const actions = useWorkshopActions(session.id, state, send);
  const [panelOpen, setPanelOpen] = useState(() => window.innerWidth >= 1000);
  const [announcement, announce] = useAnnouncements(state);
  const onTimerEnd = useCallback(() => announce(t('facilitation.announce.timerOver')), [announce, t]);
  const cast = useCallback((shapeId: string) => void send('vote:cast', { shapeId }), [send]);
  useTapToVote(editor, principal.role === 'participant' && state?.vote?.status === 'open', cast);

  const isFacilitator = principal.role === 'facilitator';
  const vote = state?.vote ?? null;
  const withdraw = useCallback((shapeId: string) => void send('vote:withdraw', { shapeId }), [send]);
  const overlay = useMemo(
    () => ({ vote: listView ? null : vote, canVote: principal.role === 'participant', onCast: cast, onWithdraw: withdraw }),
    [listView, vote, principal.role, cast, withdraw],
  );
  const showPanel = Boolean(isFacilitator && panel && panelOpen && state);
  return (
    <div className={`board${showPanel ? ' board--panel-open' : ''}`}>
      {state && (
        <WorkshopBar
          state={state}
          principal={principal}
          status={session.status}
          clockOffsetMs={clockOffsetMs}
          onTimerEnd={onTimerEnd}
          sound={sound}
          connection={connection}
          showLegend={session.colorByCollege}
          listView={listView}
          onListView={onListView}
          participantTools={participantTools}
          cockpit={isFacilitator && panel ? { send, actions, panelOpen, onPanel: () => setPanelOpen(true) } : undefined}
        />
      )}
      <div className="board-canvas">
        <BoardOverlayContext.Provider value={overlay}>{children}</BoardOverlayContext.Provider>
        {state && !listView && (
          <FollowBanner status={follow.status} leaderName={state.follow?.leaderName ?? ''} onRejoin={follow.rejoin} onLeave={follow.leave} />
        )}
        <div className="board-notices">
          {!isFacilitator && error && (
            <p role="alert" className="board-notice error">
              {error}
            </p>
          )}
          {!isFacilitator && vote?.status === 'closed' && !listView && <VoteResultsCard key={vote.id} results={vote.results ?? []} />}
          <WorkshopEnded session={session} principal={principal} />
        </div>
      </div>
      {showPanel && state && panel && (
        <CockpitPanel
          sessionId={session.id}
          status={session.status}
          state={state}
          editor={editor}
          send={send}
          error={error}
          actions={actions}
          initialSection={panel.initialSection}
          onClose={() => setPanelOpen(false)}
          canvasTools={panel.canvasTools}
          access={panel.access}
          suites={panel.suites}
          exports={panel.exports}
        />
      )}
      <div className="visually-hidden" aria-live="polite" data-testid="facilitation-announcement">
        {announcement}
      </div>
    </div>
  );
}
