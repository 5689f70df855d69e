import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PublicSuite } from '../../shared/suites.js';

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
        {suites.map((suite) => (
          <li key={suite.id} className="suites-told__item">
            <h3>
              {suite.title} <span className={`suite-status suite-status--${suite.status}`}>{t(`suites.status.${suite.status}`)}</span>
            </h3>
            {suite.body && <p className="suites-told__body">{suite.body}</p>}
            <ol className="suite-history" aria-label={t('suites.history')}>
              {suite.history.map((h, i) => (
                <li key={i}>
                  <time dateTime={h.at}>{new Date(h.at).toLocaleDateString(i18n.language)}</time> — {t(`suites.status.${h.status}`)}
                  {h.reason && <> : {h.reason}</>}
                </li>
              ))}
            </ol>
          </li>
        ))}
      </ul>
    </section>
  );
}
