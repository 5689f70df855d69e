import { useTranslation } from 'react-i18next';
import { pagePaths } from '../../shared/paths.js';
import type { JourneyWorkshop } from '../../shared/projects.js';
import { JourneyPhases } from './JourneyPhases.js';

/** Where each carried idea came from, one line per earlier workshop. */
function carriedLines(workshop: JourneyWorkshop): { title: string; sessionId: string; count: number }[] {
  const bySource = new Map<string, { title: string; sessionId: string; count: number }>();
  for (const idea of workshop.carried) {
    const line = bySource.get(idea.from.sessionId) ?? { title: idea.from.sessionTitle, sessionId: idea.from.sessionId, count: 0 };
    line.count += 1;
    bySource.set(idea.from.sessionId, line);
  }
  return [...bySource.values()];
}

function WorkshopCard({ workshop, dateOf }: { workshop: JourneyWorkshop; dateOf: (iso: string) => string }) {
  const { t } = useTranslation();
  return (
    <article className="journey-card" aria-labelledby={`w-${workshop.id}`}>
      <h4 id={`w-${workshop.id}`}>
        <a href={pagePaths.session(workshop.id)} aria-label={t('projects.openWorkshop', { title: workshop.title })}>
          {workshop.title}
        </a>
      </h4>
      <p className="muted small">
        {dateOf(workshop.date ?? workshop.createdAt)} · {t('projects.contributions', { count: workshop.contributionCount })}
      </p>
      {carriedLines(workshop).map((line) => (
        <p key={line.sessionId} className="journey-card__carried small">
          ↳ {t('projects.carriedFrom', { count: line.count, title: line.title })}
        </p>
      ))}
      {workshop.topIdeas.length > 0 ? (
        <>
          <h5>{t('projects.topIdeas')}</h5>
          <ol className="journey-card__ideas">
            {workshop.topIdeas.slice(0, 3).map((idea) => (
              <li key={idea.noteId}>
                {idea.text} <span className="muted small">({t('projects.dots', { count: idea.dots })})</span>
              </li>
            ))}
          </ol>
        </>
      ) : (
        <p className="muted small">{t('projects.noVote')}</p>
      )}
      {workshop.suites.length > 0 && (
        <>
          <h5>{t('projects.suites')}</h5>
          <ul className="journey-card__suites">
            {workshop.suites.map((s) => (
              <li key={s.id}>
                {s.title} <span className={`suite-status suite-status--${s.status}`}>{t(`suites.status.${s.status}`)}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </article>
  );
}

/** The project's workshops in one column per journey phase. */
export function JourneyTimeline({ workshops, dateOf }: { workshops: JourneyWorkshop[]; dateOf: (iso: string) => string }) {
  return <JourneyPhases workshops={workshops} renderWorkshop={(w) => <WorkshopCard workshop={w} dateOf={dateOf} />} />;
}
