/**
 * A project's report as report data: the same pipeline as a session's (ReportService, its queue and cache, the
 * client's report page), with the project's journey in place of a workshop's canvases.
 */
import type { JourneyWorkshop } from '../../shared/projects.js';
import type { ReportData } from '../../shared/reportData.js';
import { ECHELONS, PHASES, THEMES, facetLabel } from '../../shared/taxonomy.js';
import type { ProjectRecord } from './projectRecord.js';

export function buildProjectReportData(
  project: ProjectRecord,
  workshops: JourneyWorkshop[],
  options: { instanceName: string },
): ReportData {
  const dates = workshops.map((w) => w.date ?? w.createdAt.slice(0, 10)).sort();
  const contributions = workshops.reduce((sum, w) => sum + w.contributionCount, 0);
  return {
    kind: 'report',
    title: project.title,
    instanceName: options.instanceName,
    date: dates.at(-1) ?? project.createdAt.slice(0, 10),
    territory: project.territory?.name
      ? { name: project.territory.name, echelon: project.territory.echelon ? facetLabel(ECHELONS, project.territory.echelon, 'fr') : null }
      : null,
    format: null,
    phase: null,
    themes: project.themes.map((id) => facetLabel(THEMES, id, 'fr')),
    publics: [],
    summary: project.description,
    facilitators: [],
    participantsByCollege: {},
    counts: { people: 0, contributions, dots: workshops.reduce((s, w) => s + w.topIdeas.reduce((n, i) => n + i.dots, 0), 0), voters: 0 },
    steps: [],
    canvases: [],
    voteHeld: false,
    votes: [],
    layout: { paper: 'A4', orientation: 'portrait' },
    anonymous: true,
    project: {
      description: project.description,
      partners: project.partners,
      workshops: workshops.map((w) => ({ ...w, phaseLabel: w.phase ? facetLabel(PHASES, w.phase, 'fr') : null })),
      first: project.assessments[0] ?? null,
      latest: project.assessments.at(-1) ?? null,
      assessmentCount: project.assessments.length,
    },
  };
}
