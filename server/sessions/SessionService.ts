/**
 * Sessions and who may enter them: metadata in the SessionStore, the board in
 * the BoardStore. Tokens are returned once and stored hashed.
 */
import {
  isSessionClosed,
  normalizeJoinCode,
  type College,
  type Principal,
  type Role,
} from '../../shared/roles.js';
import type { AccessGrant, ParticipantView, SessionView } from '../../shared/sessionSchemas.js';
import type { SessionStep } from '../../shared/templateApi.js';
import type { Template } from '../../shared/templateSchema.js';
import { createBoardState } from '../board/createBoardState.js';
import { canvasRecords, type DrawnCanvas } from '../board/drawCanvases.js';
import { joinCodeNotFound, participantNotFound, sessionClosed, sessionNotFound } from '../errors.js';
import type { BoardStore } from '../storage/BoardStore.js';
import type { ParticipantRecord, SessionRecord, SessionStore } from '../storage/SessionStore.js';
import { SessionPolicy } from './SessionPolicy.js';
import { hashToken, newId, newJoinCode, newToken, tokenMatches } from './tokens.js';

export function presentSession(session: SessionRecord): SessionView {
  return {
    id: session.id,
    title: session.title,
    createdAt: session.createdAt,
    updatedAt: session.updatedAt,
    joinCode: session.joinCode,
    status: session.status,
    colorByCollege: session.colorByCollege,
    templateIds: session.templateIds ?? [],
    steps: session.steps ?? [],
  };
}

export function toPrincipal(sessionId: string, p: ParticipantRecord): Principal {
  return { sessionId, participantId: p.id, role: p.role, pseudonym: p.pseudonym, college: p.college };
}

export class SessionService {
  private readonly policies = new Map<string, SessionPolicy>();

  constructor(
    private readonly sessions: SessionStore,
    private readonly boards: BoardStore,
  ) {}

  /** Creates the session with its board; `templates` are drawn on the board before anyone opens it. */
  async create(input: {
    title: string;
    facilitatorName?: string;
    templates?: Template[];
  }): Promise<{ session: SessionRecord; grant: AccessGrant }> {
    const templates = input.templates ?? [];
    const { records, canvases } = canvasRecords(templates);
    const now = new Date().toISOString();
    const token = newToken();
    const facilitator: ParticipantRecord = {
      id: newId(),
      role: 'facilitator',
      tokenHash: hashToken(token),
      pseudonym: input.facilitatorName ?? 'Animation',
      college: null,
      createdAt: now,
      revokedAt: null,
    };
    const session: SessionRecord = {
      id: newId(),
      title: input.title,
      createdAt: now,
      updatedAt: now,
      joinCode: await this.uniqueJoinCode(),
      status: 'preparation',
      colorByCollege: true,
      participants: [facilitator],
      templateIds: templates.map((t) => t.id),
      steps: sessionSteps(templates, canvases),
    };
    // The board first: a session is listed only once its board exists.
    await this.boards.create(session.id, createBoardState(records));
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

  async list(): Promise<SessionRecord[]> {
    const all = await this.sessions.list();
    return all.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  }

  get(id: string): Promise<SessionRecord | undefined> {
    return this.sessions.get(id);
  }

  async require(id: string): Promise<SessionRecord> {
    const session = await this.sessions.get(id);
    if (!session) throw sessionNotFound();
    return session;
  }

  /** The open session a join code points to; a closed one is reported as such, not as unknown. */
  async findByJoinCode(code: string): Promise<SessionRecord> {
    const normalized = normalizeJoinCode(code);
    const matches = (await this.sessions.list()).filter((s) => s.joinCode === normalized);
    const open = matches.find((s) => !isSessionClosed(s.status));
    if (open) return open;
    if (matches.length > 0) throw sessionClosed();
    throw joinCodeNotFound();
  }

  async join(input: { code: string; pseudonym: string; college: College }): Promise<AccessGrant> {
    const session = await this.findByJoinCode(input.code);
    return this.addParticipant(session, 'participant', input.pseudonym, input.college);
  }

  /** A shareable link for a co-facilitator or for observers (one token for everyone holding it). */
  async createRoleLink(sessionId: string, role: Extract<Role, 'facilitator' | 'observer'>): Promise<AccessGrant> {
    const session = await this.require(sessionId);
    return this.addParticipant(session, role, role === 'facilitator' ? 'Co-animation' : 'Observation', null);
  }

  private async addParticipant(
    session: SessionRecord,
    role: Role,
    pseudonym: string,
    college: College | null,
  ): Promise<AccessGrant> {
    const token = newToken();
    const participant: ParticipantRecord = {
      id: newId(),
      role,
      tokenHash: hashToken(token),
      pseudonym,
      college,
      createdAt: new Date().toISOString(),
      revokedAt: null,
    };
    await this.sessions.update(session.id, (current) => ({ participants: [...current.participants, participant] }));
    return grantFor(session.id, participant, token);
  }

  /** The principal a token stands for, or null if it is unknown or revoked. */
  async resolveToken(sessionId: string, token: string | null | undefined): Promise<Principal | null> {
    if (!token) return null;
    const session = await this.sessions.get(sessionId);
    if (!session) return null;
    const participant = session.participants.find((p) => tokenMatches(token, p.tokenHash));
    if (!participant || participant.revokedAt) return null;
    return toPrincipal(sessionId, participant);
  }

  async participants(sessionId: string): Promise<ParticipantRecord[]> {
    return (await this.require(sessionId)).participants.filter((p) => !p.revokedAt);
  }

  async removeParticipant(sessionId: string, participantId: string): Promise<void> {
    const session = await this.require(sessionId);
    const target = session.participants.find((p) => p.id === participantId && !p.revokedAt);
    if (!target) throw participantNotFound();
    const revokedAt = new Date().toISOString();
    await this.sessions.update(sessionId, (current) => ({
      participants: current.participants.map((p) => (p.id === participantId ? { ...p, revokedAt } : p)),
    }));
  }

  async update(
    sessionId: string,
    patch: Partial<Pick<SessionRecord, 'title' | 'status' | 'colorByCollege'>>,
  ): Promise<SessionRecord> {
    await this.require(sessionId);
    const updated = await this.sessions.update(sessionId, () => ({ ...patch, updatedAt: new Date().toISOString() }));
    if (!updated) throw sessionNotFound();
    const policy = this.policies.get(sessionId);
    if (policy) policy.status = updated.status;
    return updated;
  }

  /** The live edit policy of a session, shared by all its connections. */
  async policy(sessionId: string): Promise<SessionPolicy> {
    let policy = this.policies.get(sessionId);
    if (!policy) {
      const session = await this.require(sessionId);
      policy = this.policies.get(sessionId) ?? new SessionPolicy(session.status);
      this.policies.set(sessionId, policy);
    }
    return policy;
  }

  /** Records a canvas added to a running session: its template and its steps join the déroulé. */
  async addCanvas(sessionId: string, template: Template, canvas: DrawnCanvas): Promise<SessionRecord> {
    const updated = await this.sessions.update(sessionId, (current) => ({
      templateIds: [...(current.templateIds ?? []), template.id],
      steps: [...(current.steps ?? []), ...sessionSteps([template], [canvas])],
      updatedAt: new Date().toISOString(),
    }));
    if (!updated) throw sessionNotFound();
    return updated;
  }
}

function sessionSteps(templates: Template[], canvases: DrawnCanvas[]): SessionStep[] {
  return templates.flatMap((t, i) => t.steps.map((step) => ({ ...step, templateId: t.id, canvasId: canvases[i]!.canvasId })));
}

function grantFor(sessionId: string, p: ParticipantRecord, token: string): AccessGrant {
  return { sessionId, token, participantId: p.id, role: p.role, pseudonym: p.pseudonym, college: p.college };
}

export function presentParticipant(p: ParticipantRecord, connected: boolean): ParticipantView {
  return { id: p.id, role: p.role, pseudonym: p.pseudonym, college: p.college, connected };
}
