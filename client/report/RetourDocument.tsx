import { useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { printableAreaMm } from '../../shared/reportPaper.js';
import type { RetourData } from '../../shared/retourData.js';
import { statusNeedsReason, type PublicSuite } from '../../shared/suites.js';
import { SuiteStatusBadge } from '../session/SuiteStatusBadge.js';
import { suitePlace } from '../session/suitePlace.js';
import { CollegeBars } from './CollegeBars.js';
import { RetourTable } from './RetourTable.js';
import './retour.css';

/** CSS pixels in a millimetre: Chromium prints at 96 px to the inch. */
const PX_PER_MM = 96 / 25.4;
/** Room left for what measuring on screen and printing round differently. */
const SAFETY_MM = 3;
const BODY_CHARS = 260;

const clip = (text: string) => (text.length > BODY_CHARS ? `${text.slice(0, BODY_CHARS - 1).trimEnd()}…` : text);

/**
 * « Retour aux participant·es »: the letter telling the people of a workshop what became of their ideas —
 * done first, then under way, retained, under study, and those not retained with their reason.
 * Each suite is a card with its text while the letter holds on one page; laid out as cards and found
 * longer than a page (measured before it is printed, the article being as wide as the printed page), it
 * becomes a table of one row a suite, whose column headings Chromium repeats on the next page.
 */
export function RetourDocument({ data }: { data: RetourData }) {
  const { t, i18n } = useTranslation();
  const page = printableAreaMm(data.layout);
  const article = useRef<HTMLElement>(null);
  const [dense, setDense] = useState(false);
  useLayoutEffect(() => {
    if (!dense && article.current && article.current.getBoundingClientRect().height > (page.h - SAFETY_MM) * PX_PER_MM) setDense(true);
  }, [dense, page.h]);
  const longDate = (iso: string) => new Intl.DateTimeFormat(i18n.language, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(iso));
  // In the letter's order (the server's: done first).
  const statuses = [...new Set(data.suites.map((s) => s.status))];
  const tally = statuses.map((s) => [s, data.suites.filter((suite) => suite.status === s).length] as const);
  return (
    <article ref={article} className={`report retour paper-${data.layout.paper} ${data.layout.orientation}`} style={{ width: `${page.w}mm` }} lang="fr">
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
      {dense ? (
        <RetourTable suites={data.suites} longDate={longDate} />
      ) : (
        <ol className="retour-suites">
          {data.suites.map((suite) => (
            <RetourCard key={suite.id} suite={suite} longDate={longDate} />
          ))}
        </ol>
      )}
      <footer className="retour-foot muted">
        {data.updatedAt && <>{t('retour.updated', { date: longDate(data.updatedAt) })} · </>}
        {t('retour.anonymised')}
      </footer>
    </article>
  );
}

/** A suite with its text: where it comes from, where it is, since when, and why. */
function RetourCard({ suite, longDate }: { suite: PublicSuite; longDate: (iso: string) => string }) {
  const { t, i18n } = useTranslation();
  const last = suite.history.at(-1);
  const place = suitePlace(suite, t, i18n.language);
  const from = [suite.canvasTitle, suite.zoneLabel].filter(Boolean).join(' › ');
  return (
    <li className={`retour-suite retour-suite--${suite.status}`}>
      <h2>
        {suite.title} <SuiteStatusBadge status={suite.status} />
      </h2>
      {place && <p className="retour-place">{t('suites.place', { place })}</p>}
      {suite.body && suite.body !== suite.title && <p className="retour-body">{clip(suite.body)}</p>}
      <p className="retour-meta">
        {last && t('retour.since', { date: longDate(last.at) })}
        {suite.votes.total > 0 && <> · {t('retour.votes', { count: suite.votes.total })}</>}
        {from && <> · {from}</>}
      </p>
      {last?.reason && <p className="retour-reason">{statusNeedsReason(suite.status) ? t('retour.why', { reason: last.reason }) : last.reason}</p>}
    </li>
  );
}
