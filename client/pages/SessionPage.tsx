import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionView } from '../../shared/sessionSchemas.js';
import { api } from '../api.js';
import { PageError } from '../PageError.js';
import { useSessionAccess } from '../session/useSessionAccess.js';
import { useErrorMessage } from '../useErrorMessage.js';
import { navigate, parseRoute } from '../useRoute.js';
import { pagePaths } from '../../shared/paths.js';

// tldraw is most of the bundle: the home and join pages should not wait for it, nor a participant's phone,
// which starts on the lists (PhoneBoard, without tldraw) and downloads the canvas only if asked.
const loadSessionBoard = () => import('../board/SessionBoard.js');
const loadPhoneBoard = () => import('../board/PhoneBoard.js');
const loadBoardConnection = () => import('../board/connectBoardDoc.js');
const loadSessionSocket = () => import('../session/useSessionSocket.js');

/**
 * A board's code once `wanted`. Held in state rather than behind React.lazy and Suspense: React holds back a
 * Suspense boundary's content up to 300 ms after its fallback shows, time a phone would spend before connecting.
 */
function useBoardCode<T>(load: () => Promise<T>, wanted: boolean, onError: (error: unknown) => void): T | null {
  const [code, setCode] = useState<T | null>(null);
  useEffect(() => {
    if (!wanted) return;
    let live = true;
    load()
      .then((m) => live && setCode(() => m))
      .catch((e: unknown) => live && onError(e));
    return () => {
      live = false;
    };
  }, [load, wanted, onError]);
  return code;
}

const isPhone = () => window.matchMedia('(max-width: 700px)').matches;

// A board link opened on a computer asks for the canvas's code (tldraw) as the page's own code runs rather than after
// the page's first render: a tenth of a second sooner on a first visit. A phone starts on the lists: not here.
if (parseRoute(window.location.pathname).name === 'session' && !isPhone()) loadSessionBoard().catch(() => undefined);

/** On a phone, participants start with the simple view: an infinite canvas is hard on a small screen. */
const startsOnLists = (role: string) => role === 'participant' && isPhone();

export function SessionPage({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [session, setSession] = useState<SessionView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const access = useSessionAccess(sessionId);
  const [fullBoard, setFullBoard] = useState(false);
  const [codeError, setCodeError] = useState<unknown>(null);
  // Read with the token being checked, in parallel with the check (one round trip less); shown only once access
  // is granted. Asked before the board's code: a browser has six connections to a host, and the code is several
  // files. The join code comes only to facilitators.
  const token = access.status === 'granted' ? access.access.token : access.status === 'checking' ? access.token : undefined;
  useEffect(() => {
    if (!token) return;
    api
      .getSession(sessionId, token)
      .then((s) => {
        setSession(s);
        document.title = `${s.title} · Trame`;
      })
      .catch((e) => setError(errorMessage(e)));
  }, [sessionId, token, errorMessage]);

  // The board's code is fetched while access is checked rather than after (one round trip less): on a phone most
  // likely the lists; elsewhere the canvas, whose evaluation (tldraw) then overlaps the API calls too.
  const onLists = access.status === 'granted' ? !fullBoard && startsOnLists(access.access.role) : isPhone();
  const phoneBoard = useBoardCode(loadPhoneBoard, onLists, setCodeError);
  const sessionBoard = useBoardCode(loadSessionBoard, !onLists, setCodeError);
  // The canvas's connections open with the page rather than once its code (tldraw) has arrived and compiled: the
  // board arrives and is read meanwhile, and the session's socket connects, while the browser has little else to do.
  // So does the configuration, whose licence key the canvas waits for.
  useEffect(() => {
    if (!token || onLists) return;
    // A failure here is met again, and handled, by the canvas.
    api.getConfig().catch(() => undefined);
    let live = true;
    const releases: (() => void)[] = [];
    // Should this code fail to arrive, the canvas's fails too and the page says so (codeError). The board first:
    // Chromium opens one WebSocket to a host at a time, and the canvas waits for the board.
    loadBoardConnection()
      .then((m) => {
        if (live) releases.push(m.openBoardDocEarly(sessionId, { token }));
        return loadSessionSocket();
      })
      .then((m) => {
        if (live) releases.push(m.openSessionSocketEarly(sessionId, token));
      })
      .catch(() => undefined);
    return () => {
      live = false;
      releases.forEach((release) => release());
    };
  }, [sessionId, token, onLists]);

  // Without an identity here, the way in is the join code, which this device must bring.
  useEffect(() => {
    if (access.status === 'none') navigate(pagePaths.join(), { replace: true });
  }, [access.status]);

  // A token refused by the check sends to the join page, not to the session's refusal.
  const failure =
    (access.status === 'granted' ? error : null) ??
    (access.status === 'error' ? errorMessage(access.error) : null);
  if (failure) return <PageError message={failure} backHref="/" backLabel={t('session.back')} />;
  // The board's code did not arrive (network lost, or a version deployed since the page was loaded): a reload fixes it.
  if (codeError) return <PageError message={t('app.pageFailed')} backHref={window.location.href} backLabel={t('app.reload')} />;
  if (!session || access.status !== 'granted') {
    return (
      <p className="centered" aria-live="polite">
        {t('session.loading')}
      </p>
    );
  }
  return (
    <div className="board-page">
      <h1 className="visually-hidden">{session.title}</h1>
      {onLists && phoneBoard ? (
        <phoneBoard.PhoneBoard initialSession={session} access={access.access} onFullBoard={() => setFullBoard(true)} />
      ) : !onLists && sessionBoard ? (
        <sessionBoard.SessionBoard initialSession={session} access={access.access} />
      ) : (
        <p className="centered">{t('board.loading')}</p>
      )}
    </div>
  );
}
