import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionView } from '../../shared/sessionSchemas.js';
import { api } from '../api.js';
import { useErrorMessage } from '../useErrorMessage.js';

// tldraw is most of the bundle: the home page should not wait for it.
const TrameBoard = lazy(() => import('../board/TrameBoard.js').then((m) => ({ default: m.TrameBoard })));

export function SessionPage({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [session, setSession] = useState<SessionView | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api
      .getSession(sessionId)
      .then((s) => {
        setSession(s);
        document.title = `${s.title} · Trame`;
      })
      .catch((e) => setError(errorMessage(e)));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [sessionId]);

  if (error) {
    return (
      <main className="page">
        <p role="alert" className="error">
          {error}
        </p>
        <a href="/">{t('session.back')}</a>
      </main>
    );
  }
  if (!session) return <p className="centered" aria-live="polite">{t('session.loading')}</p>;
  return (
    <div className="board-page">
      <h1 className="visually-hidden">{session.title}</h1>
      <Suspense fallback={<p className="centered">{t('board.loading')}</p>}>
        <TrameBoard session={session} />
      </Suspense>
    </div>
  );
}
