import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiPaths, pagePaths } from '../../shared/paths.js';
import type { JourneyWorkshop, ProjectView } from '../../shared/projects.js';
import { ECHELONS, THEMES, facetLabel } from '../../shared/taxonomy.js';
import { LanguageSwitch } from '../LanguageSwitch.js';
import { CharacterisationForm } from '../projects/CharacterisationForm.js';
import { CharacterisationTable } from '../projects/CharacterisationTable.js';
import { JourneyTimeline } from '../projects/JourneyTimeline.js';
import { NextWorkshopForm } from '../projects/NextWorkshopForm.js';
import { projectApi } from '../projects/projectApi.js';
import { ProjectPublication } from '../projects/ProjectPublication.js';
import { ProjectWorkshops } from '../projects/ProjectWorkshops.js';
import { RadarChart } from '../projects/RadarChart.js';
import { deviceTokensHeader } from '../session/accessStore.js';
import { downloadWithHeaders } from '../session/downloadFile.js';
import { useErrorMessage } from '../useErrorMessage.js';
import { navigate } from '../useRoute.js';
import '../projects/projects.css';

/** A project (« démarche »): its journey by phase, its characterisation, and the next workshop to prepare. */
export function ProjectPage({ projectId }: { projectId: string }) {
  const { t, i18n } = useTranslation();
  const errorMessage = useErrorMessage();
  const [project, setProject] = useState<ProjectView | null>(null);
  const [workshops, setWorkshops] = useState<JourneyWorkshop[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const dateOf = useCallback(
    (iso: string) => new Intl.DateTimeFormat(i18n.language, { day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(iso)),
    [i18n.language],
  );

  const load = useCallback(() => {
    Promise.all([projectApi.get(projectId), projectApi.journey(projectId)]).then(
      ([p, j]) => {
        setProject(p);
        setWorkshops(j.workshops);
        document.title = `${p.title} · Trame`;
      },
      (e) => setError(errorMessage(e)),
    );
  }, [projectId, errorMessage]);
  useEffect(load, [load]);

  const download = async () => {
    try {
      await downloadWithHeaders(apiPaths.projectReportPdf(projectId), deviceTokensHeader(), 'demarche.pdf');
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  const header = (
    <header className="page-header">
      <a href={pagePaths.home} onClick={(e) => (e.preventDefault(), navigate(pagePaths.home))}>
        ← {t('projects.back')}
      </a>
      <LanguageSwitch />
    </header>
  );
  if (!project || !workshops) {
    return (
      <div className="page project-page">
        {header}
        <main>{error ? <p role="alert" className="error">{error}</p> : <p aria-live="polite">{t('projects.loading')}</p>}</main>
      </div>
    );
  }
  const first = project.assessments[0];
  const latest = project.assessments.at(-1);
  const facts = [
    project.territory?.name,
    project.territory?.echelon ? facetLabel(ECHELONS, project.territory.echelon, i18n.language) : null,
    ...project.themes.map((id) => facetLabel(THEMES, id, i18n.language)),
  ].filter(Boolean);
  return (
    <div className="page project-page">
      {header}
      <main>
        <div className="project-hero">
          <div>
            <p className="project-hero__kicker">{t('projects.section')}</p>
            <h1>{project.title}</h1>
            {facts.length > 0 && <p className="muted">{facts.join(' · ')}</p>}
            {project.partners.length > 0 && <p className="small">{project.partners.join(' · ')}</p>}
            {project.description && <p className="project-hero__description">{project.description}</p>}
          </div>
          <div className="project-hero__actions">
            <button type="button" onClick={download}>
              {t('projects.reportPdf')}
            </button>
            <ProjectPublication project={project} onChanged={load} />
          </div>
        </div>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <section aria-labelledby="journey-heading">
          <h2 id="journey-heading">{t('projects.journeyHeading')}</h2>
          <JourneyTimeline workshops={workshops} dateOf={dateOf} />
        </section>
        <section aria-labelledby="grid-heading" className="card">
          <h2 id="grid-heading">{t('projects.gridHeading')}</h2>
          <p className="muted small">
            {t('projects.gridIntro')} {project.assessments.length > 0 && t('projects.history', { count: project.assessments.length })}
          </p>
          {first && latest ? (
            <div className="grid-view">
              <RadarChart first={first} latest={latest} dateOf={dateOf} />
              <CharacterisationTable first={first} latest={latest} />
            </div>
          ) : (
            <p>{t('projects.noAssessment')}</p>
          )}
          <details className="grid-details" open={project.assessments.length === 0}>
            <summary>{t('projects.gridAsForm')}</summary>
            <CharacterisationForm key={latest?.id ?? 'none'} project={project} onSaved={setProject} />
          </details>
        </section>
        <section aria-labelledby="next-heading" className="card">
          <h2 id="next-heading">{t('projects.nextHeading')}</h2>
          <NextWorkshopForm projectId={project.id} workshops={workshops} />
        </section>
        <ProjectWorkshops project={project} onChanged={load} />
      </main>
    </div>
  );
}
