/**
 * A participant's phone: the workshop bar and the board as lists, read from
 * the board's Y.Doc without tldraw, so that the person can write an idea
 * after a few hundred kilobytes rather than the canvas's megabytes. The
 * whole canvas is one tap away (`onFullBoard`), and only then downloaded.
 */
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { COLLEGE_COLORS, isSessionClosed } from '../../shared/roles.js';
import type { AccessGrant, SessionView } from '../../shared/sessionSchemas.js';
import { api } from '../api.js';
import '../facilitation/facilitation.css';
import { useAnnouncements } from '../facilitation/useAnnouncements.js';
import { useEndSound } from '../facilitation/useEndSound.js';
import { useFacilitation } from '../facilitation/useFacilitation.js';
import { WorkshopBar } from '../facilitation/WorkshopBar.js';
import { WorkshopEnded } from '../facilitation/WorkshopEnded.js';
import { SuitesTold } from '../session/SuitesTold.js';
import { ContributionsWithdrawnNotice } from '../session/WithdrawContributions.js';
import { useWithdrawal } from '../session/useWithdrawal.js';
import { useSessionSocket, type SessionSocket } from '../session/useSessionSocket.js';
import { BoardListView } from './BoardListView.js';
import { RefusalNotice } from './RefusalNotice.js';
import { useBoardDoc } from './useBoardDoc.js';
import { useConnection } from './useConnection.js';
import { useDocListBoard } from './useDocListBoard.js';

export function PhoneBoard(props: { initialSession: SessionView; access: AccessGrant; onFullBoard: () => void }) {
  const { initialSession, access, onFullBoard } = props;
  const { t } = useTranslation();
  const [session, setSession] = useState(initialSession);
  const [removed, setRemoved] = useState(false);
  // The board first: Chromium opens one WebSocket to a host at a time, and adding an idea waits for the board.
  const board = useBoardDoc(session.id, access.token);
  const socket = useSessionSocket(session.id, access.token);

  useEffect(() => {
    if (!socket) return;
    socket.on('session:changed', (change) => setSession((s) => ({ ...s, ...change, status: change.status as SessionView['status'] })));
    socket.on('session:removed', () => setRemoved(true));
  }, [socket]);

  const { withdrawing, withdrawn, tools } = useWithdrawal(session.id, access);

  if (withdrawn) return <ContributionsWithdrawnNotice result={withdrawn} />;
  const closedCode = withdrawing ? null : removed ? 4410 : board.fatalCloseCode;
  if (closedCode !== null) return <BoardClosed code={closedCode} />;
  if (!socket || !board.doc) return <p className="centered">{t('board.loading')}</p>;
  return <PhoneLists session={session} access={access} socket={socket} board={board} onFullBoard={onFullBoard} participantTools={tools} />;
}

function BoardClosed({ code }: { code: number }) {
  const { t, i18n } = useTranslation();
  const key = `board.closed.${code}`;
  return (
    <div className="centered" role="alert">
      <p>{i18n.exists(key) ? t(key) : t('board.closed.default')}</p>
      <a href="/">{t('session.back')}</a>
    </div>
  );
}

function PhoneLists(props: {
  session: SessionView;
  access: AccessGrant;
  socket: SessionSocket;
  /** « Mes contributions », as on the full board. */
  participantTools: ReactNode;
  board: ReturnType<typeof useBoardDoc>;
  onFullBoard: () => void;
}) {
  const { session, access, socket, board, onFullBoard } = props;
  const { t } = useTranslation();
  const { state, clockOffsetMs, send, error } = useFacilitation(socket);
  const connection = useConnection(socket, board.provider, null);
  const sound = useEndSound();
  const [announcement, announce] = useAnnouncements(state);
  const onTimerEnd = useCallback(() => announce(t('facilitation.announce.timerOver')), [announce, t]);
  const loadMySuites = useCallback(() => api.mySuites(session.id, access.token), [session.id, access.token]);
  const color = session.colorByCollege && access.college ? COLLEGE_COLORS[access.college] : undefined;
  const { records, board: listBoard } = useDocListBoard(board.doc!, board.shapes, socket, {
    author: access,
    color,
    privateWriting: Boolean(state?.privateWriting) && access.role === 'participant',
    send,
  });
  const readOnly = access.role === 'observer' || (access.role === 'participant' && isSessionClosed(session.status));

  return (
    <div className="board">
      {state && (
        <WorkshopBar
          state={state}
          principal={access}
          status={session.status}
          clockOffsetMs={clockOffsetMs}
          onTimerEnd={onTimerEnd}
          sound={sound}
          connection={connection}
          showLegend={session.colorByCollege}
          listView
          onListView={onFullBoard}
          participantTools={props.participantTools}
        />
      )}
      <div className="board-canvas">
        <div className="list-view-overlay">
          <BoardListView records={records} board={listBoard} socket={socket} principal={access} readOnly={readOnly} loading={!board.synced} />
        </div>
        <RefusalNotice refusal={board.refusal} />
        <div className="board-notices">
          {error && (
            <p role="alert" className="board-notice error">
              {error}
            </p>
          )}
          <WorkshopEnded session={session} principal={access} />
        </div>
        <div className="board-notices board-notices--lower">
          {access.role === 'participant' && <SuitesTold load={loadMySuites} title={t('suites.toldMine')} className="suites-told--side" />}
        </div>
      </div>
      <div className="visually-hidden" aria-live="polite" data-testid="facilitation-announcement">
        {announcement}
      </div>
    </div>
  );
}
