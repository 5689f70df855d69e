import { useTranslation } from 'react-i18next';
import { pagePaths } from '../../shared/paths.js';
import { JOURNEY_PHASES, type JourneyWorkshop } from '../../shared/projects.js';
import { PHASES, facetLabel } from '../../shared/taxonomy.js';

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

/** The project's workshops in four columns, one per journey phase (workshops without a phase after them). */
export function JourneyTimeline({ workshops, dateOf }: { workshops: JourneyWorkshop[]; dateOf: (iso: string) => string }) {
  const { t, i18n } = useTranslation();
  const columns: { id: string; label: string; items: JourneyWorkshop[] }[] = JOURNEY_PHASES.map((phase) => ({
    id: phase,
    label: facetLabel(PHASES, phase, i18n.language),
    items: workshops.filter((w) => w.phase === phase),
  }));
  const unphased = workshops.filter((w) => !w.phase);
  if (unphased.length > 0) columns.push({ id: 'none', label: t('projects.noPhase'), items: unphased });
  return (
    <ol className="journey">
      {columns.map((column, i) => (
        <li key={column.id} className={`journey__phase${column.items.length === 0 ? ' journey__phase--empty' : ''}`}>
          <h3>
            <span className="journey__step" aria-hidden="true">
              {i + 1}
            </span>
            {column.label}
          </h3>
          {column.items.length === 0 ? (
            <p className="muted small">{t('projects.noWorkshop')}</p>
          ) : (
            column.items.map((w) => <WorkshopCard key={w.id} workshop={w} dateOf={dateOf} />)
          )}
        </li>
      ))}
    </ol>
  );
}
