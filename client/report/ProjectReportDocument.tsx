import { useTranslation } from 'react-i18next';
import { JOURNEY_PHASES } from '../../shared/projects.js';
import type { ProjectReport, ReportData } from '../../shared/reportData.js';
import { PHASES, facetLabel } from '../../shared/taxonomy.js';
import { CharacterisationTable } from '../projects/CharacterisationTable.js';
import { RadarChart } from '../projects/RadarChart.js';

type Workshop = ProjectReport['workshops'][number];

/** Where a workshop's carried ideas came from, one phrase per earlier workshop. */
function carriedSummary(workshop: Workshop): { title: string; count: number }[] {
  const from = new Map<string, { title: string; count: number }>();
  for (const idea of workshop.carried) {
    const entry = from.get(idea.from.sessionId) ?? { title: idea.from.sessionTitle, count: 0 };
    entry.count += 1;
    from.set(idea.from.sessionId, entry);
  }
  return [...from.values()];
}

/** « Le parcours » on one page: the four phases, each with its workshops and what they gave. */
function JourneyPage({ report, dateOf }: { report: ProjectReport; dateOf: (iso: string) => string }) {
  const { t } = useTranslation();
  const phases = JOURNEY_PHASES.map((phase) => ({ id: phase, label: facetLabel(PHASES, phase, 'fr'), items: report.workshops.filter((w) => w.phase === phase) }));
  const unphased = report.workshops.filter((w) => !w.phase);
  if (unphased.length > 0) phases.push({ id: 'none' as never, label: t('projects.noPhase'), items: unphased });
  return (
    <section className="report-section project-journey">
      <h2>{t('projectReport.journey')}</h2>
      <ol className="pj-phases">
        {phases.map((phase, i) => (
          <li key={phase.id} className={phase.items.length === 0 ? 'pj-phase pj-phase--empty' : 'pj-phase'}>
            <h3>
              {i + 1}. {phase.label}
            </h3>
            {phase.items.length === 0 && <p className="muted">{t('projects.noWorkshop')}</p>}
            {phase.items.map((w) => (
              <div key={w.id} className="pj-workshop">
                <h4>{w.title}</h4>
                <p className="muted">
                  {dateOf(w.date ?? w.createdAt)} · {t('projects.contributions', { count: w.contributionCount })}
                </p>
                {carriedSummary(w).map((c) => (
                  <p key={c.title} className="carried-from">
                    ↳ {t('projects.carriedFrom', { count: c.count, title: c.title })}
                  </p>
                ))}
                {w.topIdeas.slice(0, 3).length > 0 && (
                  <ol>
                    {w.topIdeas.slice(0, 3).map((idea) => (
                      <li key={idea.noteId}>{idea.text}</li>
                    ))}
                  </ol>
                )}
              </div>
            ))}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** Each workshop's essentials: its most supported ideas, the ideas it started from, its suites. */
function WorkshopEssentials({ workshop, dateOf }: { workshop: Workshop; dateOf: (iso: string) => string }) {
  const { t } = useTranslation();
  return (
    <div className="pj-essentials">
      <h3>
        {workshop.title} <span className="muted">· {workshop.phaseLabel ?? t('projects.noPhase')} · {dateOf(workshop.date ?? workshop.createdAt)}</span>
      </h3>
      {workshop.carried.length > 0 && (
        <>
          <h4>{t('projectReport.carried')}</h4>
          <ul>
            {workshop.carried.map((idea, i) => (
              <li key={i}>
                {idea.text} <span className="carried-from">· {t('report.carriedFrom', { title: idea.from.sessionTitle })}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      <h4>{t('projects.topIdeas')}</h4>
      {workshop.topIdeas.length > 0 ? (
        <ol>
          {workshop.topIdeas.map((idea) => (
            <li key={idea.noteId}>
              {idea.text} <span className="dots">· {t('report.dots', { count: idea.dots })}</span>
              {idea.zoneLabel && <span className="muted"> — {idea.zoneLabel}</span>}
            </li>
          ))}
        </ol>
      ) : (
        <p className="muted">{t('projects.noVote')}</p>
      )}
      {workshop.suites.length > 0 && (
        <>
          <h4>{t('projects.suites')}</h4>
          <ul>
            {workshop.suites.map((s) => (
              <li key={s.id}>
                {s.title} <span className="muted">— {t(`suites.status.${s.status}`)}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

/** A project's report: cover, the journey on one page, each workshop's essentials, the characterisation over time. */
export function ProjectReportDocument({ data, report }: { data: ReportData; report: ProjectReport }) {
  const { t, i18n } = useTranslation();
  const dateOf = (iso: string) => new Intl.DateTimeFormat(i18n.language, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(iso));
  return (
    <article className={`report project-report paper-${data.layout.paper} ${data.layout.orientation}`} lang="fr">
      <section className="pj-cover">
        <p className="report-kicker">{t('projectReport.kicker')}</p>
        <h1>{data.title}</h1>
        <div className="pj-facts">
          {data.territory && (
            <p>
              <strong>{t('report.territory')}</strong> {data.territory.echelon ? `${data.territory.name} (${data.territory.echelon})` : data.territory.name}
            </p>
          )}
          {data.themes.length > 0 && (
            <p>
              <strong>{t('report.themes')}</strong> {data.themes.join(', ')}
            </p>
          )}
          {report.partners.length > 0 && (
            <p>
              <strong>{t('projectReport.partners')}</strong> {report.partners.join(', ')}
            </p>
          )}
          <p>
            <strong>{t('projectReport.workshops')}</strong> {t('projects.workshops', { count: report.workshops.length })}
          </p>
        </div>
        {report.description && <p className="cover-summary">{report.description}</p>}
      </section>
      <JourneyPage report={report} dateOf={dateOf} />
      <section className="report-section pj-workshops">
        <h2>{t('projectReport.essentials')}</h2>
        {report.workshops.map((w) => (
          <WorkshopEssentials key={w.id} workshop={w} dateOf={dateOf} />
        ))}
      </section>
      <section className="report-section pj-grid">
        <h2>{t('projects.gridHeading')}</h2>
        {report.first && report.latest ? (
          <>
            <p className="muted">{t('projects.history', { count: report.assessmentCount })}</p>
            <div className="pj-grid__chart">
              <RadarChart first={report.first} latest={report.latest} dateOf={dateOf} />
            </div>
            <CharacterisationTable first={report.first} latest={report.latest} />
          </>
        ) : (
          <p>{t('projects.noAssessment')}</p>
        )}
      </section>
    </article>
  );
}
