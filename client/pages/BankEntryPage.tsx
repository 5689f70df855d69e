import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BankEntryView } from '../../shared/sessionSchemas.js';
import { ECHELONS, PHASES, STAGES, THEMES, facetLabel } from '../../shared/taxonomy.js';
import { api } from '../api.js';
import { PageError } from '../PageError.js';
import { SuitesTold } from '../session/SuitesTold.js';
import { useErrorMessage } from '../useErrorMessage.js';
import { apiPaths, pagePaths } from '../../shared/paths.js';

const VisitorBoard = lazy(() => import('../board/VisitorBoard.js').then((m) => ({ default: m.VisitorBoard })));

/** One published workshop: its description, and its board, read-only and without names. */
export function BankEntryPage({ sessionId }: { sessionId: string }) {
  const { t, i18n } = useTranslation();
  const errorMessage = useErrorMessage();
  const [entry, setEntry] = useState<BankEntryView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const loadSuites = useCallback(() => api.bankSuites(sessionId), [sessionId]);
  useEffect(() => {
    api.bankEntry(sessionId).then(setEntry, (e) => setError(errorMessage(e)));
  }, [sessionId, errorMessage]);
  if (error) return <PageError message={error} backHref={pagePaths.bank} backLabel={t('bank.back')} />;
  if (!entry) return <p className="centered">{t('session.loading')}</p>;
  const d = entry.description;
  const lang = i18n.language;
  return (
    <div className="bank-entry">
      <header className="bank-entry-header">
        <a href={pagePaths.bank}>{t('bank.back')}</a>
        <h1>{entry.title}</h1>
        <p className="muted">
          {[
            d.territory?.name,
            d.territory?.echelon && facetLabel(ECHELONS, d.territory.echelon, lang),
            d.phase && facetLabel(PHASES, d.phase, lang),
            d.stage && facetLabel(STAGES, d.stage, lang),
            d.date,
          ]
            .filter(Boolean)
            .join(' · ')}
        </p>
        {d.summary && <p>{d.summary}</p>}
        <p>{d.themes.map((th) => facetLabel(THEMES, th, lang)).join(', ')}</p>
        <p>
          <a href={apiPaths.bankReportPdf(entry.id)} download>
            {t('bank.report')}
          </a>
        </p>
      </header>
      <SuitesTold load={loadSuites} title={t('suites.toldBank')} />
      <section className="bank-board" aria-label={t('bank.board')}>
        <Suspense fallback={<p className="centered">{t('board.loading')}</p>}>
          <VisitorBoard sessionId={entry.id} />
        </Suspense>
      </section>
    </div>
  );
}
