import { useTranslation } from 'react-i18next';
import type { RetourData } from '../../shared/retourData.js';
import { statusNeedsReason } from '../../shared/suites.js';
import { SuiteStatusBadge } from '../session/SuiteStatusBadge.js';
import { CollegeBars } from './CollegeBars.js';
import './retour.css';

/** Past this many suites, their texts are left out so the letter stays on one page (titles, statuses, reasons stay). */
const WITH_TEXTS_UP_TO = 8;
const BODY_CHARS = 260;

const clip = (text: string) => (text.length > BODY_CHARS ? `${text.slice(0, BODY_CHARS - 1).trimEnd()}…` : text);

/**
 * « Retour aux participant·es »: the one-page letter telling the people of a workshop what became of their
 * ideas — done first, then under way, retained, under study, and those not retained with their reason.
 */
export function RetourDocument({ data }: { data: RetourData }) {
  const { t, i18n } = useTranslation();
  const longDate = (iso: string) => new Intl.DateTimeFormat(i18n.language, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(iso));
  const withTexts = data.suites.length <= WITH_TEXTS_UP_TO;
  // In the letter's order (the server's: done first).
  const statuses = [...new Set(data.suites.map((s) => s.status))];
  const tally = statuses.map((s) => [s, data.suites.filter((suite) => suite.status === s).length] as const);
  return (
    <article className={`report retour paper-${data.layout.paper} ${data.layout.orientation}`} lang="fr">
      <header className="retour-head">
        <p className="report-kicker">{data.instanceName} · {t('retour.kicker')}</p>
        <h1>{t('retour.title')}</h1>
        <p className="retour-workshop">
          {t('retour.workshop', { title: data.title, date: longDate(data.date) })}
          {data.territory && <> · {data.territory.name}</>}
        </p>
      </header>
      <section className="retour-intro">
        <div>
          <p>
            {t('retour.thanks', { count: data.counts.people })}
            {t('retour.contributions', { count: data.counts.contributions })} {t('retour.intro')}
          </p>
          {data.summary && <p className="muted">{data.summary.split(/\n+/)[0]}</p>}
        </div>
        {data.counts.people > 0 && <CollegeBars counts={data.participantsByCollege} />}
      </section>
      {tally.length > 0 ? (
        <p className="retour-tally">
          {tally.map(([status, n]) => (
            <span key={status}>
              <strong>{n}</strong> <SuiteStatusBadge status={status} />
            </span>
          ))}
        </p>
      ) : (
        <p>{t('retour.none')}</p>
      )}
      <ol className="retour-suites">
        {data.suites.map((suite) => {
          const last = suite.history.at(-1);
          return (
            <li key={suite.id} className={`retour-suite retour-suite--${suite.status}`}>
              <h2>
                {suite.title} <SuiteStatusBadge status={suite.status} />
              </h2>
              {withTexts && suite.body && suite.body !== suite.title && <p className="retour-body">{clip(suite.body)}</p>}
              <p className="retour-meta">
                {last && t('retour.since', { date: longDate(last.at) })}
                {suite.votes.total > 0 && <> · {t('retour.votes', { count: suite.votes.total })}</>}
                {[suite.canvasTitle, suite.zoneLabel].filter(Boolean).length > 0 && <> · {[suite.canvasTitle, suite.zoneLabel].filter(Boolean).join(' › ')}</>}
              </p>
              {last?.reason && <p className="retour-reason">{statusNeedsReason(suite.status) ? t('retour.why', { reason: last.reason }) : last.reason}</p>}
            </li>
          );
        })}
      </ol>
      <footer className="retour-foot muted">
        {data.updatedAt && <>{t('retour.updated', { date: longDate(data.updatedAt) })} · </>}
        {t('retour.anonymised')}
      </footer>
    </article>
  );
}
