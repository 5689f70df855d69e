import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BankProjectView, BankProjectWorkshop } from '../../shared/bankProjects.js';
import type { BankEssentials } from '../../shared/sessionSchemas.js';
import { pagePaths } from '../../shared/paths.js';
import { ECHELONS, THEMES, facetLabel } from '../../shared/taxonomy.js';
import { api } from '../api.js';
import { FollowUpCounts } from '../dashboard/FollowUpCounts.js';
import { useFormat } from '../format.js';
import { LanguageSwitch } from '../LanguageSwitch.js';
import { PageError } from '../PageError.js';
import { CharacterisationTable } from '../projects/CharacterisationTable.js';
import { JourneyPhases } from '../projects/JourneyPhases.js';
import { RadarChart } from '../projects/RadarChart.js';
import { useErrorMessage } from '../useErrorMessage.js';
import '../projects/projects.css';

function WorkshopCard({ workshop }: { workshop: BankProjectWorkshop }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [essentials, setEssentials] = useState<BankEssentials | null>(null);
  useEffect(() => {
    api.bankEssentials(workshop.id).then(setEssentials, () => setEssentials(null));
  }, [workshop.id]);
  // The report's essentials, read from the anonymised copy: the ideas that stood out, text only.
  const top = essentials?.canvases.flatMap((c) => c.top).slice(0, 3) ?? [];
  return (
    <article className="journey-card" aria-labelledby={`bw-${workshop.id}`}>
      <h4 id={`bw-${workshop.id}`}>
        <a href={pagePaths.bankEntry(workshop.id)}>{workshop.title}</a>
      </h4>
      <p className="muted small">{format.date(workshop.description.date ?? workshop.publishedAt)}</p>
      {workshop.carriedFrom.map((line) => (
        <p key={line.sessionId} className="journey-card__carried small">
          ↳ {t('projects.carriedFrom', { count: line.count, title: line.title })}
        </p>
      ))}
      {workshop.description.summary && <p className="small">{workshop.description.summary}</p>}
      {top.length > 0 && (
        <>
          <h5>{t('projects.topIdeas')}</h5>
          <ol className="journey-card__ideas">
            {top.map((idea, i) => (
              <li key={i}>
                {idea.text} {idea.dots > 0 && <span className="muted small">({t('projects.dots', { count: idea.dots })})</span>}
              </li>
            ))}
          </ol>
        </>
      )}
      <FollowUpCounts counts={workshop.followUp} />
    </article>
  );
}

/** A published project (« démarche ») in the bank: its journey of published workshops and its characterisation. */
export function BankProjectPage({ projectId }: { projectId: string }) {
  const { t, i18n } = useTranslation();
  const errorMessage = useErrorMessage();
  const format = useFormat();
  const [project, setProject] = useState<BankProjectView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const dateOf = useCallback((iso: string) => format.date(iso), [format]);
  useEffect(() => {
    api.bankProject(projectId).then(
      (p) => {
        setProject(p);
        document.title = `${p.title} · ${t('bank.title')}`;
      },
      (e) => setError(errorMessage(e)),
    );
  }, [projectId, errorMessage, t]);
  if (error) return <PageError message={error} backHref={pagePaths.bank} backLabel={t('bank.back')} />;
  if (!project) return <p className="centered">{t('session.loading')}</p>;
  const lang = i18n.language;
  const facts = [
    project.territory?.name,
    project.territory?.echelon ? facetLabel(ECHELONS, project.territory.echelon, lang) : null,
    ...project.themes.map((id) => facetLabel(THEMES, id, lang)),
  ].filter(Boolean);
  const first = project.assessments[0];
  const latest = project.assessments.at(-1);
  return (
    <div className="page project-page">
      <header className="page-header">
        <a href={pagePaths.bank}>← {t('bank.back')}</a>
        <LanguageSwitch />
      </header>
      <main>
        <div className="project-hero">
          <div>
            <p className="project-hero__kicker">{t('projectReport.kicker')}</p>
            <h1>{project.title}</h1>
            {facts.length > 0 && <p className="muted">{facts.join(' · ')}</p>}
            {project.partners.length > 0 && (
              <p className="small">
                {t('projectReport.partners')} : {project.partners.join(' · ')}
              </p>
            )}
            {project.description && <p className="project-hero__description">{project.description}</p>}
            <p className="muted small">{t('bank.projectAnonymised')}</p>
          </div>
        </div>
        <section aria-labelledby="bank-journey-heading">
          <h2 id="bank-journey-heading">{t('projects.journeyHeading')}</h2>
          <JourneyPhases workshops={project.workshops} renderWorkshop={(w) => <WorkshopCard workshop={w} />} />
        </section>
        {first && latest && (
          <section aria-labelledby="bank-grid-heading" className="card">
            <h2 id="bank-grid-heading">{t('projects.gridHeading')}</h2>
            <p className="muted small">{t('projects.gridIntro')}</p>
            <div className="grid-view">
              <RadarChart first={first} latest={latest} dateOf={dateOf} />
              <CharacterisationTable first={first} latest={latest} workshopHref={pagePaths.bankEntry} />
            </div>
          </section>
        )}
      </main>
    </div>
  );
}
