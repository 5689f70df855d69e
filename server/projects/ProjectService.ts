/**
 * Projects (« démarches »): their description, their workshops (sessions naming them) and their
 * characterisation, one dated assessment per update. A project belongs to the device that created it, which
 * proves it with the token it was given once (stored hashed, like session tokens).
 */
import { randomUUID, timingSafeEqual } from 'node:crypto';
import {
  PROJECT_LIMITS,
  emptyCriteria,
  type Assessment,
  type CharacterisationUpdate,
  type ProjectAccess,
  type ProjectCreate,
  type ProjectPatch,
  type ProjectSession,
  type ProjectView,
} from '../../shared/projects.js';
import { projectNotFound, projectSessionNotFound } from '../errors.js';
import { foldText } from '../search/SessionSearch.js';
import type { SessionService } from '../sessions/SessionService.js';
import type { SessionRecord } from '../sessions/sessionRecord.js';
import { hashToken, newId, newToken } from '../sessions/tokens.js';
import type { ProjectStore } from '../storage/ProjectStore.js';
import type { ProjectRecord } from './projectRecord.js';

export function presentProjectSession(session: SessionRecord): ProjectSession {
  return {
    id: session.id,
    title: session.title,
    status: session.status,
    phase: session.description.phase as ProjectSession['phase'],
    date: session.description.date,
    createdAt: session.createdAt,
  };
}

export class ProjectService {
  constructor(
    private readonly store: ProjectStore,
    private readonly sessions: SessionService,
    private readonly now: () => number = Date.now,
  ) {}

  private nowIso(): string {
    return new Date(this.now()).toISOString();
  }

  async create(input: Omit<ProjectCreate, 'password'>): Promise<{ project: ProjectRecord; access: ProjectAccess }> {
    const token = newToken();
    const at = this.nowIso();
    const project: ProjectRecord = {
      id: newId(),
      title: input.title,
      description: input.description,
      territory: input.territory,
      themes: input.themes,
      partners: input.partners,
      createdAt: at,
      updatedAt: at,
      ownerTokenHash: hashToken(token),
      assessments: [],
      published: false,
      publishedAt: null,
    };
    await this.store.insert(project);
    return { project, access: { projectId: project.id, token } };
  }

  async require(id: string): Promise<ProjectRecord> {
    const project = await this.store.get(id);
    if (!project) throw projectNotFound();
    return project;
  }

  /** Whether `token` is the one given to the project's creator. */
  async holds(projectId: string, token: string): Promise<boolean> {
    const project = await this.store.get(projectId);
    if (!project) return false;
    const given = Buffer.from(hashToken(token));
    const expected = Buffer.from(project.ownerTokenHash);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  /**
   * Projects matching a full-text query over what describes them (title, territory, description, partners) and
   * their workshops' titles, most recently changed first; `ids` restricts the list to the device's own.
   */
  async list(options: { q?: string; ids?: Set<string> } = {}): Promise<ProjectRecord[]> {
    const all = (await this.store.list()).filter((p) => !options.ids || options.ids.has(p.id));
    const words = foldText(options.q ?? '').split(/\s+/).filter(Boolean);
    const workshops = words.length ? await this.workshopTitles() : new Map<string, string>();
    const matching = all.filter((p) => {
      const text = foldText(
        [p.title, p.territory?.name ?? '', p.description, ...p.partners, workshops.get(p.id) ?? ''].join(' '),
      );
      return words.every((w) => text.includes(w));
    });
    return matching.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  }

  private async workshopTitles(): Promise<Map<string, string>> {
    const titles = new Map<string, string>();
    for (const session of await this.sessions.list()) {
      if (session.projectId) titles.set(session.projectId, `${titles.get(session.projectId) ?? ''} ${session.title}`);
    }
    return titles;
  }

  /**
   * Changes the description and attaches or detaches workshops. `mayAttach` says whether the caller
   * facilitates a session; attaching a session of another project moves it.
   */
  async patch(id: string, patch: ProjectPatch, mayAttach: (sessionId: string) => boolean): Promise<ProjectRecord> {
    const { attachSessionIds = [], detachSessionIds = [], published: _published, ...fields } = patch;
    await this.require(id);
    const refused = [...attachSessionIds, ...detachSessionIds].filter((s) => !mayAttach(s));
    for (const sessionId of attachSessionIds) if ((await this.sessions.get(sessionId)) === undefined) refused.push(sessionId);
    for (const sessionId of detachSessionIds) {
      if ((await this.sessions.get(sessionId))?.projectId !== id) refused.push(sessionId);
    }
    if (refused.length > 0) throw projectSessionNotFound([...new Set(refused)]);
    for (const sessionId of attachSessionIds) await this.sessions.setProject(sessionId, id);
    for (const sessionId of detachSessionIds) await this.sessions.setProject(sessionId, null);
    const updated = await this.store.update(id, () => ({ ...fields, updatedAt: this.nowIso() }));
    if (!updated) throw projectNotFound();
    return updated;
  }

  /** In or out of the bank; its workshops are published or withdrawn by `publishProject`. */
  async setPublished(id: string, published: boolean): Promise<ProjectRecord> {
    const updated = await this.store.update(id, (project) => {
      const at = this.nowIso();
      return { published, publishedAt: published ? (project.publishedAt ?? at) : null, updatedAt: at };
    });
    if (!updated) throw projectNotFound();
    return updated;
  }

  /** A new session of the project is made by the sessions' own command; this records it as the project's. */
  async adopt(projectId: string, sessionId: string): Promise<void> {
    await this.sessions.setProject(sessionId, projectId);
    await this.store.update(projectId, () => ({ updatedAt: this.nowIso() }));
  }

  /** Appends a dated assessment: the criteria named change, the others keep their latest assessment. */
  async characterise(id: string, update: CharacterisationUpdate): Promise<ProjectRecord> {
    if (update.sessionId && (await this.sessions.get(update.sessionId))?.projectId !== id) {
      throw projectSessionNotFound([update.sessionId]);
    }
    const updated = await this.store.update(id, (project) => {
      const latest = project.assessments.at(-1)?.criteria ?? emptyCriteria();
      const criteria = structuredClone(latest);
      for (const [criterionId, change] of Object.entries(update.criteria)) {
        const key = criterionId as keyof typeof criteria;
        criteria[key] = { ...criteria[key], ...change } as (typeof criteria)[typeof key];
      }
      const assessment: Assessment = { id: randomUUID(), at: this.nowIso(), sessionId: update.sessionId, criteria };
      const all = [...project.assessments, assessment];
      // The first assessment stays: the radar compares it with the latest.
      const kept = all.length > PROJECT_LIMITS.assessments ? [all[0]!, ...all.slice(1 - PROJECT_LIMITS.assessments)] : all;
      return {
        assessments: kept,
        updatedAt: assessment.at,
      };
    });
    if (!updated) throw projectNotFound();
    return updated;
  }

  /** An imported project's assessments, as they were dated on the instance it comes from. */
  async restoreAssessments(id: string, assessments: Assessment[]): Promise<ProjectRecord> {
    const updated = await this.store.update(id, () => ({ assessments }));
    if (!updated) throw projectNotFound();
    return updated;
  }

  async present(project: ProjectRecord): Promise<ProjectView> {
    const { ownerTokenHash: _hash, ...rest } = project;
    const sessions = await this.sessions.ofProject(project.id);
    return { ...rest, published: project.published ?? false, publishedAt: project.publishedAt ?? null, sessions: sessions.map(presentProjectSession) };
  }
}
