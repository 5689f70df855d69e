/**
 * Projects (« démarches ») in the public bank: each published project is one entry, with its published
 * workshops folded into it. What a visitor reads of a workshop stays its bank entry and its anonymised copy;
 * here only the project's own description, the lineage between its published workshops (counts, no text)
 * and its characterisation, with evidence kept only where it points at something public.
 */
import type { BankCarriedLine, BankProjectEntry, BankProjectView } from '../../shared/bankProjects.js';
import { trameMeta } from '../../shared/boardLayout.js';
import { isContributionNote } from '../../shared/boardGeometry.js';
import type { Assessment } from '../../shared/projects.js';
import type { Boards } from '../board/Boards.js';
import { projectNotFound } from '../errors.js';
import type { ProjectRecord } from '../projects/projectRecord.js';
import type { ProjectService } from '../projects/ProjectService.js';
import type { SessionRecord } from '../sessions/sessionRecord.js';
import type { SessionService } from '../sessions/SessionService.js';
import type { SuiteService } from '../suites/SuiteService.js';
import { presentBankEntry } from './presentBankEntry.js';

export interface BankProjectsDeps {
  projects: ProjectService;
  sessions: SessionService;
  suites: SuiteService;
  boards: Boards;
}

const phaseOf = (session: SessionRecord) => (session.description.phase ?? null) as BankProjectEntry['workshops'][number]['phase'];

/** Evidence pointing at an unpublished workshop is left out: the bank names only what it shows. */
function publicAssessment(assessment: Assessment, published: Set<string>): Assessment {
  const criteria = Object.fromEntries(
    Object.entries(assessment.criteria).map(([id, c]) => [
      id,
      { ...c, links: c.links.filter((link) => link.kind === 'url' || published.has(link.sessionId)) },
    ]),
  ) as Assessment['criteria'];
  return { ...assessment, sessionId: assessment.sessionId && published.has(assessment.sessionId) ? assessment.sessionId : null, criteria };
}

export class BankProjects {
  constructor(private readonly deps: BankProjectsDeps) {}

  /** Published projects and their published workshops, oldest workshop first. */
  private async published(): Promise<{ project: ProjectRecord; workshops: SessionRecord[] }[]> {
    const projects = (await this.deps.projects.list()).filter((p) => p.published);
    if (projects.length === 0) return [];
    const sessions = (await this.deps.sessions.list()).filter((s) => s.published && s.projectId).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    return projects.map((project) => ({ project, workshops: sessions.filter((s) => s.projectId === project.id) }));
  }

  /**
   * The projects a bank list shows, and the workshops it folds into them. A project is listed when one of its
   * workshops matched the visitor's query or, for a plain text query (or none), when its own text matches.
   */
  async list(matched: SessionRecord[], text: { q?: string } | null): Promise<{ projects: BankProjectEntry[]; folded: Set<string> }> {
    const all = (await this.published()).filter(({ workshops }) => workshops.length > 0);
    const folded = new Set(all.flatMap(({ workshops }) => workshops.map((s) => s.id)));
    const byText = text ? new Set((await this.deps.projects.list({ q: text.q })).map((p) => p.id)) : new Set<string>();
    const projects = all
      .filter(({ project }) => byText.has(project.id) || matched.some((s) => s.projectId === project.id && folded.has(s.id)))
      .map(({ project, workshops }) => ({
        id: project.id,
        title: project.title,
        territory: project.territory,
        themes: project.themes,
        publishedAt: project.publishedAt ?? project.updatedAt,
        workshops: workshops.map((s) => ({ id: s.id, title: s.title, phase: phaseOf(s) })),
      }));
    return { projects, folded };
  }

  /** The published project a published workshop is part of, if any: its page links back to it. */
  async of(session: SessionRecord): Promise<{ id: string; title: string } | null> {
    if (!session.projectId) return null;
    const project = (await this.deps.projects.list()).find((p) => p.id === session.projectId && p.published);
    return project ? { id: project.id, title: project.title } : null;
  }

  async view(projectId: string): Promise<BankProjectView> {
    const found = (await this.published()).find(({ project }) => project.id === projectId);
    if (!found || found.workshops.length === 0) throw projectNotFound();
    const { project, workshops } = found;
    const titles = new Map(workshops.map((s) => [s.id, s.title]));
    const counts = await this.deps.suites.followUps(workshops.map((s) => s.id));
    const first = project.assessments[0];
    const latest = project.assessments.at(-1);
    return {
      id: project.id,
      title: project.title,
      description: project.description,
      territory: project.territory,
      themes: project.themes,
      partners: project.partners,
      publishedAt: project.publishedAt ?? project.updatedAt,
      workshops: await Promise.all(
        workshops.map(async (s) => ({
          ...presentBankEntry(s, counts.get(s.id)!),
          phase: phaseOf(s),
          carriedFrom: await this.carriedFrom(s.id, titles),
        })),
      ),
      assessments: (first && latest ? (first.id === latest.id ? [latest] : [first, latest]) : []).map((a) =>
        publicAssessment(a, new Set(titles.keys())),
      ),
    };
  }

  /**
   * How many of a workshop's notes were carried from each earlier published workshop. Counted on the board's
   * server-written origins (the anonymised copy keeps no lineage): a number and a published title, never a text.
   */
  private async carriedFrom(sessionId: string, titles: Map<string, string>): Promise<BankCarriedLine[]> {
    const sources = await this.deps.boards.read(sessionId, (records) =>
      [...records.values()].flatMap((r) => {
        const origin = isContributionNote(r) ? trameMeta(r)?.origin : undefined;
        return origin && titles.has(origin.sessionId) ? [origin.sessionId] : [];
      }),
    );
    const counts = new Map<string, number>();
    for (const id of sources) counts.set(id, (counts.get(id) ?? 0) + 1);
    return [...counts].map(([id, count]) => ({ sessionId: id, title: titles.get(id)!, count }));
  }
}
