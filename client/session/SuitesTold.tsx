import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PublicSuite } from '../../shared/suites.js';
import { SuiteHistory } from './SuiteHistory.js';
import { SuiteStatusBadge } from './SuiteStatusBadge.js';
import { suitePlace } from './suitePlace.js';

/**
 * Suites told back to the people who gave the ideas: each one's status and dated history, nothing about who
 * wrote what. Shows nothing while there is none (or while they cannot be read).
 */
export function SuitesTold({ load, title, className }: { load: () => Promise<{ suites: PublicSuite[] }>; title: string; className?: string }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [suites, setSuites] = useState<PublicSuite[]>([]);
  useEffect(() => {
    load().then((r) => setSuites(r.suites), () => setSuites([]));
  }, [load]);
  if (suites.length === 0) return null;
  return (
    <section className={`suites-told ${className ?? ''}`} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      <ul>
        {suites.map((suite) => {
          const place = suitePlace(suite, t, i18n.language);
          return (
            <li key={suite.id} className="suites-told__item">
              <h3>
                {suite.title} <SuiteStatusBadge status={suite.status} />
              </h3>
              {suite.body && <p className="suites-told__body">{suite.body}</p>}
              {place && <p className="suites-told__place">{t('suites.place', { place })}</p>}
              <SuiteHistory history={suite.history} />
            </li>
          );
        })}
      </ul>
    </section>
  );
}
