/**
 * Everything facilitation puts on the board page: for everyone the step, the
 * timer, follow-me and the vote; for facilitators their panel. Mount it
 * inside the board's container, next to <Tldraw>.
 */
import { useCallback } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { Editor } from 'tldraw';
import type { Principal } from '../../shared/roles.js';
import './facilitation.css';
import { FacilitatorPanel } from './FacilitatorPanel.js';
import { FollowBanner } from './FollowBanner.js';
import { StepBanner } from './StepBanner.js';
import { TimerDisplay } from './TimerDisplay.js';
import { useAnnouncements } from './useAnnouncements.js';
import { useFacilitation, type FacilitationSocket } from './useFacilitation.js';
import { useFollow } from './useFollow.js';
import { usePauseReadonly } from './usePauseReadonly.js';
import { usePrivateNotes } from './usePrivateNotes.js';
import { useTapToVote } from './useTapToVote.js';
import { VoteBadges } from './VoteBadges.js';
import { VoteStatus } from './VoteStatus.js';

export interface FacilitationLayerProps {
  socket: FacilitationSocket;
  principal: Principal;
  editor: Editor | null;
  /** Where the facilitator panel goes (a column beside the canvas); without it, it docks on the right edge. */
  panelContainer?: HTMLElement | null;
  /** More facilitator sections, shown at the end of the panel (the session's suites). */
  panelExtra?: React.ReactNode;
}

export function FacilitationLayer({ socket, principal, editor, panelContainer, panelExtra }: FacilitationLayerProps) {
  const { t } = useTranslation();
  const { state, clockOffsetMs, send, error } = useFacilitation(socket);
  const follow = useFollow(socket, editor, principal, state?.follow ?? null);
  usePrivateNotes(socket, editor, principal, state?.privateWriting ?? false, send);
  usePauseReadonly(editor, principal, state?.paused ?? false);
  const [announcement, announce] = useAnnouncements(state);
  const onTimerEnd = useCallback(() => announce(t('facilitation.announce.timerOver')), [announce, t]);
  const cast = useCallback((shapeId: string) => void send('vote:cast', { shapeId }), [send]);
  useTapToVote(editor, principal.role === 'participant' && state?.vote?.status === 'open', cast);
  if (!state) return null;

  const isFacilitator = principal.role === 'facilitator';
  const vote = state.vote;
  const panel = isFacilitator && <FacilitatorPanel state={state} editor={editor} send={send} error={error} extra={panelExtra} />;
  return (
    <>
      <div className="facilitation-hud">
        <div className="facilitation-hud__row">
          <StepBanner state={state} />
          {state.timer && <TimerDisplay timer={state.timer} clockOffsetMs={clockOffsetMs} onEnd={onTimerEnd} />}
        </div>
        {vote && principal.role === 'participant' && <VoteStatus vote={vote} />}
        {!isFacilitator && error && (
          <p role="alert" className="facilitation-card error">
            {error}
          </p>
        )}
      </div>
      <FollowBanner status={follow.status} leaderName={state.follow?.leaderName ?? ''} onRejoin={follow.rejoin} onLeave={follow.leave} />
      {editor && vote && (
        <VoteBadges
          editor={editor}
          vote={vote}
          canVote={principal.role === 'participant'}
          onCast={cast}
          onWithdraw={(shapeId) => void send('vote:withdraw', { shapeId })}
        />
      )}
      {panelContainer ? panel && createPortal(panel, panelContainer) : panel}
      <div className="visually-hidden" aria-live="polite" data-testid="facilitation-announcement">
        {announcement}
      </div>
    </>
  );
}
