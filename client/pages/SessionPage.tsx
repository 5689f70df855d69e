import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionView } from '../../shared/sessionSchemas.js';
import { api } from '../api.js';
import { PageError } from '../PageError.js';
import { useSessionAccess } from '../session/useSessionAccess.js';
import { useErrorMessage } from '../useErrorMessage.js';
import { navigate } from '../useRoute.js';
import { pagePaths } from '../../shared/paths.js';

// tldraw is most of the bundle: the home and join pages should not wait for it, nor a participant's phone,
// which starts on the lists (PhoneBoard, without tldraw) and downloads the canvas only if asked.
const SessionBoard = lazy(() => import('../board/SessionBoard.js').then((m) => ({ default: m.SessionBoard })));
const loadPhoneBoard = () => import('../board/PhoneBoard.js');
const PhoneBoard = lazy(() => loadPhoneBoard().then((m) => ({ default: m.PhoneBoard })));

const isPhone = () => window.matchMedia('(max-width: 700px)').matches;
/** On a phone, participants start with the simple view: an infinite canvas is hard on a small screen. */
const startsOnLists = (role: string) => role === 'participant' && isPhone();

export function SessionPage({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [session, setSession] = useState<SessionView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const access = useSessionAccess(sessionId);
  const [fullBoard, setFullBoard] = useState(false);
  // A phone most likely opens the lists: fetched while access is checked rather than after (one round trip less).
  useEffect(() => {
    if (isPhone()) void loadPhoneBoard();
  }, []);

  // Read with the token once access is known: the join code comes only to facilitators.
  const token = access.status === 'granted' ? access.access.token : undefined;
  useEffect(() => {
    if (access.status !== 'granted') return;
    api
      .getSession(sessionId, token)
      .then((s) => {
        setSession(s);
        document.title = `${s.title} · Trame`;
      })
      .catch((e) => setError(errorMessage(e)));
  }, [sessionId, access.status, token, errorMessage]);

  // Without an identity here, the way in is the join code, which this device must bring.
  useEffect(() => {
    if (access.status === 'none') navigate(pagePaths.join(), { replace: true });
  }, [access.status]);

  const failure = error ?? (access.status === 'error' ? errorMessage(access.error) : null);
  if (failure) return <PageError message={failure} backHref="/" backLabel={t('session.back')} />;
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
      <Suspense fallback={<p className="centered">{t('board.loading')}</p>}>
        {!fullBoard && startsOnLists(access.access.role) ? (
          <PhoneBoard initialSession={session} access={access.access} onFullBoard={() => setFullBoard(true)} />
        ) : (
          <SessionBoard initialSession={session} access={access.access} />
        )}
      </Suspense>
    </div>
  );
}
