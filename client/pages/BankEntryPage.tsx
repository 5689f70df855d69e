import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BankEntryView } from '../../shared/sessionSchemas.js';
import { ECHELONS, PHASES, STAGES, THEMES, facetLabel } from '../../shared/taxonomy.js';
import { api } from '../api.js';
import { BankEssentialsText } from '../bank/BankEssentialsText.js';
import { useFormat } from '../format.js';
import { PageError } from '../PageError.js';
import { SuitesTold } from '../session/SuitesTold.js';
import { useErrorMessage } from '../useErrorMessage.js';
import { apiPaths, pagePaths } from '../../shared/paths.js';

const VisitorBoard = lazy(() => import('../board/VisitorBoard.js').then((m) => ({ default: m.VisitorBoard })));

/** One published workshop: what it was, its board framed on its canvases, the report's essentials as text and its PDF. */
export function BankEntryPage({ sessionId }: { sessionId: string }) {
  const { t, i18n } = useTranslation();
  const errorMessage = useErrorMessage();
  const format = useFormat();
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
        {entry.project && (
          <p className="bank-entry-project">
            <a href={pagePaths.bankProject(entry.project.id)}>{t('bank.partOfProject', { title: entry.project.title })}</a>
          </p>
        )}
        <p className="template-phase">
          {[d.phase && facetLabel(PHASES, d.phase, lang), d.stage && facetLabel(STAGES, d.stage, lang), format.date(d.date ?? entry.publishedAt)]
            .filter(Boolean)
            .join(' · ')}
        </p>
        <h1>{entry.title}</h1>
        {d.territory && (
          <p className="muted">
            {[d.territory.name, d.territory.echelon && facetLabel(ECHELONS, d.territory.echelon, lang)].filter(Boolean).join(' · ')}
          </p>
        )}
        {d.summary && <p className="bank-entry-summary">{d.summary}</p>}
        {d.themes.length > 0 && (
          <ul className="tags" aria-label={t('sheet.themes')}>
            {d.themes.map((th) => (
              <li key={th}>{facetLabel(THEMES, th, lang)}</li>
            ))}
          </ul>
        )}
        <p>
          <a className="button-link" href={apiPaths.bankReportPdf(entry.id)} download>
            {t('bank.report')}
          </a>
        </p>
      </header>
      <main>
        <section className="bank-board" aria-label={t('bank.board')}>
          <Suspense fallback={<p className="centered">{t('board.loading')}</p>}>
            <VisitorBoard sessionId={entry.id} />
          </Suspense>
        </section>
        <div className="bank-entry-text">
          <BankEssentialsText sessionId={entry.id} />
          <SuitesTold load={loadSuites} title={t('suites.toldBank')} />
        </div>
      </main>
    </div>
  );
}
