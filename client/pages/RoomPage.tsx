import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isSessionClosed } from '../../shared/roles.js';
import type { SessionView } from '../../shared/sessionSchemas.js';
import { api } from '../api.js';
import '../facilitation/facilitation.css';
import { RoomResults } from '../facilitation/RoomResults.js';
import { TimerDisplay } from '../facilitation/TimerDisplay.js';
import { useEndSound } from '../facilitation/useEndSound.js';
import { useFacilitation, type FacilitationSocket } from '../facilitation/useFacilitation.js';
import { loadAccess } from '../session/accessStore.js';
import { useSessionSocket } from '../session/useSessionSocket.js';
import { useErrorMessage } from '../useErrorMessage.js';
import './room.css';

/**
 * The room view, cast on the projector from the cockpit (`/s/<id>/salle`):
 * the step and its instruction in large type, the timer, and at the vote's
 * close the ranking by collège. It opens with this device's access, so the
 * facilitator's laptop casts it without another link.
 */
export function RoomPage({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const access = loadAccess(sessionId);
  const [session, setSession] = useState<SessionView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const socket = useSessionSocket(sessionId, access?.token ?? '');

  useEffect(() => {
    api.getSession(sessionId, access?.token).then(
      (s) => {
        setSession(s);
        document.title = `${s.title} · ${t('cockpit.roomView.title')}`;
      },
      (e) => setError(errorMessage(e)),
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps -- loaded once per session: a renewed token or another language does not make it another session
  }, [sessionId]);

  useEffect(() => {
    if (!socket) return;
    const onChange = (change: { status: string; title: string }) =>
      setSession((s) => s && { ...s, title: change.title, status: change.status as SessionView['status'] });
    socket.on('session:changed', onChange);
    return () => {
      socket.off('session:changed', onChange);
    };
  }, [socket]);

  if (!access) {
    return (
      <main className="page">
        <p role="alert">{t('cockpit.roomView.noAccess')}</p>
      </main>
    );
  }
  if (error) return <p role="alert" className="centered error">{error}</p>;
  if (!session || !socket) return <p className="centered">{t('session.loading')}</p>;
  return <RoomView session={session} socket={socket} />;
}

function RoomView({ session, socket }: { session: SessionView; socket: FacilitationSocket }) {
  const { t } = useTranslation();
  const { state, clockOffsetMs } = useFacilitation(socket);
  const sound = useEndSound();
  const noop = useCallback(() => undefined, []);
  const step = state ? state.steps[state.currentStep] : undefined;
  const vote = state?.vote;
  const address = `${window.location.host}/rejoindre`;
  const closed = isSessionClosed(session.status);
  return (
    <main className="room cockpit" data-testid="room-view">
      <header className="room__head">
        <p className="room__title">{session.title}</p>
        {!closed && session.joinCode && (
          <p className="room__join">
            {t('cockpit.roomView.join', { address })} <strong>{session.joinCode}</strong>
          </p>
        )}
      </header>
      {closed ? (
        <h1 className="room__step">{t('cockpit.ended.title')}</h1>
      ) : (
        <div className="room__now">
          <div className="room__step-block">
            {step ? (
              <>
                <p className="room__count">{t('facilitation.step.count', { index: (state?.currentStep ?? 0) + 1, total: state?.steps.length ?? 0 })}</p>
                <h1 className="room__step">{step.title}</h1>
                {step.instruction && <p className="room__instruction">{step.instruction}</p>}
              </>
            ) : (
              <h1 className="room__step">{t('cockpit.roomView.welcome')}</h1>
            )}
            {state?.paused && <p className="room__flag">{t('facilitation.pause.banner')}</p>}
            {state?.privateWriting && <p className="room__flag">{t('facilitation.private.banner')}</p>}
          </div>
          {state?.timer && <TimerDisplay timer={state.timer} clockOffsetMs={clockOffsetMs} onEnd={noop} sound={sound} size="large" />}
        </div>
      )}
      {vote?.status === 'open' && (
        <p className="room__vote">
          {t('cockpit.roomView.voteOpen', { count: vote.voters, budget: vote.budget })}
        </p>
      )}
      {vote?.status === 'closed' && <RoomResults results={vote.results ?? []} />}
      <button type="button" className="room__fullscreen is-quiet" onClick={() => void document.documentElement.requestFullscreen?.()}>
        {t('projection.fullscreen')}
      </button>
    </main>
  );
}
