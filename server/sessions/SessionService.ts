/**
 * Sessions and who may enter them: metadata in the SessionStore, the board in
 * the BoardStore, full text in the search index. Tokens are returned once and
 * stored hashed.
 */
import { isSessionClosed, normalizeJoinCode } from '../../shared/roles.js';
import {
  emptyDescription,
  type AccessGrant,
  type SearchMatch,
  type SessionDescription,
  type SessionQuery,
  type SessionView,
} from '../../shared/sessionSchemas.js';
import type { SessionArchive } from '../../shared/archiveSchema.js';
import type { Step } from '../../shared/facilitation.js';
import type { Template } from '../../shared/templateSchema.js';
import { createBoardState } from '../board/createBoardState.js';
import { canvasRecords, type DrawnCanvas } from '../board/drawCanvases.js';
import { joinCodeNotFound, notPublishable, sessionClosed, sessionNotFound } from '../errors.js';
import { SessionSearch } from '../search/SessionSearch.js';
import { matchedPassage } from '../search/matchedPassage.js';
import type { BoardStore } from '../storage/BoardStore.js';
import type { SessionRecord } from './sessionRecord.js';
import type { SessionStore } from '../storage/SessionStore.js';
import { matchesFacets } from './matchesQuery.js';
import { SessionPolicy } from './SessionPolicy.js';
import { editedSteps, templateSteps, withStepIds } from './deroule.js';
import { SessionAccess, grantFor, newParticipant } from './SessionAccess.js';
import { newId, newJoinCode } from './tokens.js';

/** A session as the API shows it; the join code only to whom it may be given (facilitators, by default). */
export function presentSession(session: SessionRecord, options: { withJoinCode: boolean } = { withJoinCode: true }): SessionView {
  return {
    id: session.id,
    title: session.title,
    createdAt: session.createdAt,
    updatedAt: session.updatedAt,
    joinCode: options.withJoinCode ? session.joinCode : null,
    status: session.status,
    colorByCollege: session.colorByCollege,
    everyoneEditsNotes: session.everyoneEditsNotes ?? false,
    description: session.description,
    published: session.published,
    templateIds: session.templateIds ?? [],
    steps: session.steps ?? [],
    projectId: session.projectId ?? null,
    contributionsWithdrawn: session.contributionsWithdrawn ?? 0,
  };
}

/** Records written before a field existed get its default. */
function withDefaults(record: SessionRecord): SessionRecord {
  return {
    ...record,
    description: { ...emptyDescription(), ...record.description },
    published: record.published ?? false,
    publishedAt: record.publishedAt ?? null,
    contentText: record.contentText ?? '',
  };
}

/** A ready board, or one built once the new session's id is known (its image URLs name it). */
export type BoardState = Uint8Array | ((sessionId: string) => Uint8Array | Promise<Uint8Array>);

export interface SessionPatch {
  title?: string;
  status?: SessionRecord['status'];
  colorByCollege?: boolean;
  everyoneEditsNotes?: boolean;
  description?: Partial<SessionDescription>;
  published?: boolean;
}

export class SessionService {
  private readonly policies = new Map<string, SessionPolicy>();
  private search = new SessionSearch();
  /** Participants, tokens and role links of the sessions. */
  readonly access: SessionAccess;

  constructor(
    private readonly sessions: SessionStore,
    private readonly boards: BoardStore,
  ) {
    this.access = new SessionAccess(sessions);
  }

  /** Builds the search index from stored metadata (no board is loaded). */
  async open(): Promise<void> {
    this.search = new SessionSearch((await this.sessions.list()).map(withDefaults));
  }

  /**
   * Creates the session with its board: `templates` are drawn on it before
   * anyone opens it, unless a ready board is given (duplicate, import), whose
   * templates and déroulé come in `copied`.
   */
  async create(
    input: { title: string; facilitatorName?: string; description?: Partial<SessionDescription>; templates?: Template[] },
    board?: { state: BoardState; templateIds: string[]; steps: Step[] },
  ): Promise<{ session: SessionRecord; grant: AccessGrant }> {
    const templates = input.templates ?? [];
    const id = newId();
    const drawn = board ? null : canvasRecords(templates, [], undefined, id);
    const now = new Date().toISOString();
    const { record: facilitator, token } = newParticipant('facilitator', input.facilitatorName ?? 'Animation', null);
    const session: SessionRecord = {
      id,
      title: input.title,
      createdAt: now,
      updatedAt: now,
      joinCode: await this.uniqueJoinCode(),
      status: 'preparation',
      colorByCollege: true,
      participants: [facilitator],
      description: { ...emptyDescription(), ...input.description },
      published: false,
      publishedAt: null,
      contentText: '',
      templateIds: board ? board.templateIds : templates.map((t) => t.id),
      steps: board ? board.steps : templateSteps(templates, drawn!.canvases),
    };
    // The board first: a session is listed only once its board exists.
    const state = typeof board?.state === 'function' ? await board.state(session.id) : board?.state;
    await this.boards.create(session.id, state ?? createBoardState(drawn!.records));
    await this.sessions.insert(session);
    return { session, grant: grantFor(session.id, facilitator, token) };
  }

  private async uniqueJoinCode(): Promise<string> {
    const taken = new Set((await this.sessions.list()).filter((s) => !isSessionClosed(s.status)).map((s) => s.joinCode));
    for (;;) {
      const code = newJoinCode();
      if (!taken.has(code)) return code;
    }
  }

  /** A session from another instance's archive: new id, join code and facilitator token; people without tokens. */
  async importArchive(archive: SessionArchive, board: BoardState): Promise<{ session: SessionRecord; grant: AccessGrant }> {
    const { session, grant } = await this.create(
      { title: archive.session.title, description: archive.session.description },
      { state: board, templateIds: archive.session.templateIds, steps: withStepIds(archive.session.steps) },
    );
    // Their tokens are dropped at once: imported people keep their collège, not an access.
    const people = archive.session.participants.map((p) => newParticipant(p.role, p.pseudonym, p.college).record);
    const updated = await this.sessions.update(session.id, (current) => ({
      status: archive.session.status,
      colorByCollege: archive.session.colorByCollege,
      participants: [...current.participants, ...people],
    }));
    return { session: withDefaults(updated ?? session), grant };
  }

  /** Sessions matching a query: full-text hits best first, otherwise most recent first. */
  async list(query: SessionQuery = {}): Promise<SessionRecord[]> {
    return (await this.find(query)).map((found) => found.session);
  }

  /** As `list`, each full-text hit with the passage that matched (shown in results: why this one). */
  async find(query: SessionQuery = {}): Promise<{ session: SessionRecord; match?: SearchMatch }[]> {
    const all = (await this.sessions.list()).map(withDefaults).filter((s) => matchesFacets(s, query));
    if (!query.q) return all.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)).map((session) => ({ session }));
    const hits = new Map(this.search.search(query.q).map((hit, rank) => [hit.id, { rank, fields: hit.fields }]));
    return all
      .filter((s) => hits.has(s.id))
      .sort((a, b) => hits.get(a.id)!.rank - hits.get(b.id)!.rank)
      .map((session) => {
        const match = matchedPassage(session, hits.get(session.id)!.fields);
        return match ? { session, match } : { session };
      });
  }

  async get(id: string): Promise<SessionRecord | undefined> {
    const session = await this.sessions.get(id);
    return session && withDefaults(session);
  }

  async require(id: string): Promise<SessionRecord> {
    const session = await this.get(id);
    if (!session) throw sessionNotFound();
    return session;
  }

  /** The open session a join code points to; a closed one is reported as such, not as unknown. */
  async findByJoinCode(code: string): Promise<SessionRecord> {
    const normalized = normalizeJoinCode(code);
    const matches = (await this.sessions.list()).filter((s) => s.joinCode === normalized);
    const open = matches.find((s) => !isSessionClosed(s.status));
    if (open) return withDefaults(open);
    if (matches.length > 0) throw sessionClosed();
    throw joinCodeNotFound();
  }

  async update(sessionId: string, patch: SessionPatch): Promise<SessionRecord> {
    const current = await this.require(sessionId);
    const status = patch.status ?? current.status;
    if (patch.published && !isSessionClosed(status)) throw notPublishable();
    // A running session is never in the bank: reopening a published one takes it out.
    const published = isSessionClosed(status) ? patch.published : current.published ? false : patch.published;
    const now = new Date().toISOString();
    const updated = await this.sessions.update(sessionId, (s) => {
      const base = withDefaults(s);
      return {
        ...(patch.title !== undefined ? { title: patch.title } : {}),
        ...(patch.status !== undefined ? { status: patch.status } : {}),
        ...(patch.colorByCollege !== undefined ? { colorByCollege: patch.colorByCollege } : {}),
        ...(patch.everyoneEditsNotes !== undefined ? { everyoneEditsNotes: patch.everyoneEditsNotes } : {}),
        ...(patch.description ? { description: { ...base.description, ...patch.description } } : {}),
        ...(published !== undefined
          ? { published, publishedAt: published ? (base.publishedAt ?? now) : null }
          : {}),
        updatedAt: now,
      };
    });
    if (!updated) throw sessionNotFound();
    return withDefaults(updated);
  }

  /** Makes the session a workshop of a project, or of none (`null`). */
  async setProject(sessionId: string, projectId: string | null): Promise<SessionRecord> {
    const updated = await this.sessions.update(sessionId, () => ({ projectId, updatedAt: new Date().toISOString() }));
    if (!updated) throw sessionNotFound();
    return withDefaults(updated);
  }

  /** The workshops of a project, oldest first. */
  async ofProject(projectId: string): Promise<SessionRecord[]> {
    const all = (await this.sessions.list()).filter((s) => s.projectId === projectId).map(withDefaults);
    return all.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  /** Keeps the searchable text of a board's notes (called as boards change). */
  async setContentText(sessionId: string, contentText: string): Promise<void> {
    const updated = await this.sessions.update(sessionId, () => ({ contentText }));
    if (updated) this.search.upsert(withDefaults(updated));
  }

  async delete(sessionId: string): Promise<void> {
    await this.require(sessionId);
    await this.sessions.delete(sessionId);
    await this.boards.delete(sessionId);
  }

  /**
   * Re-reads a changed session (`session:changed`, from any instance): its live
   * edit policy (held by open connections) and its search entry follow the store.
   */
  async reload(sessionId: string): Promise<void> {
    const stored = await this.sessions.get(sessionId);
    if (!stored) return this.forget(sessionId);
    this.policies.get(sessionId)?.follow(stored);
    this.search.upsert(withDefaults(stored));
  }

  /** Drops what this instance keeps of a deleted session (`session:deleted`). */
  forget(sessionId: string): void {
    this.search.remove(sessionId);
    this.policies.delete(sessionId);
  }

  /** The live edit policy of a session, shared by all its connections. */
  async policy(sessionId: string): Promise<SessionPolicy> {
    let policy = this.policies.get(sessionId);
    if (!policy) {
      const session = await this.require(sessionId);
      policy = this.policies.get(sessionId) ?? new SessionPolicy(session.status, session.everyoneEditsNotes ?? false);
      this.policies.set(sessionId, policy);
    }
    return policy;
  }

  /** Records a canvas added to a running session: its template and its steps join the déroulé. */
  async addCanvas(sessionId: string, template: Template, canvas: DrawnCanvas): Promise<SessionRecord> {
    const updated = await this.sessions.update(sessionId, (current) => ({
      templateIds: [...(current.templateIds ?? []), template.id],
      steps: [...(current.steps ?? []), ...templateSteps([template], [canvas])],
      updatedAt: new Date().toISOString(),
    }));
    if (!updated) throw sessionNotFound();
    return withDefaults(updated);
  }

  /** The facilitator's edit of the déroulé (`edited` already checked); the steps as stored. */
  async setSteps(sessionId: string, edited: Parameters<typeof editedSteps>[1]): Promise<Step[]> {
    let steps: Step[] = [];
    const updated = await this.sessions.update(sessionId, (current) => {
      steps = editedSteps(current.steps ?? [], edited);
      return { steps, updatedAt: new Date().toISOString() };
    });
    if (!updated) throw sessionNotFound();
    return steps;
  }
}


