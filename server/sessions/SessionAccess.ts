/**
 * Who may enter a session: its participants and role links, their tokens
 * (returned once, stored as hashes), removal, and the purge of pseudonyms.
 */
import type { College, Principal, Role } from '../../shared/roles.js';
import type { AccessGrant, ParticipantView } from '../../shared/sessionSchemas.js';
import { ownerNotRevocable, participantNotFound, sessionNotFound } from '../errors.js';
import type { ParticipantRecord, SessionRecord } from './sessionRecord.js';
import type { SessionStore } from '../storage/SessionStore.js';
import { hashToken, newId, newToken } from './tokens.js';

export const ANONYMOUS = 'Participant·e';
/** The facilitator's name when none is given, and what the purge leaves. */
export const FACILITATION = 'Animation';
const CO_FACILITATION = 'Co-animation';

/** What remains of a person's name after the retention purge. */
function purgedName(p: ParticipantRecord): string {
  if (p.role === 'participant') return ANONYMOUS;
  if (p.role === 'facilitator' && p.pseudonym !== CO_FACILITATION) return FACILITATION;
  return p.pseudonym;
}

export function toPrincipal(sessionId: string, p: ParticipantRecord): Principal {
  return { sessionId, participantId: p.id, role: p.role, pseudonym: p.pseudonym, college: p.college };
}

export function presentParticipant(p: ParticipantRecord, connected: boolean): ParticipantView {
  return { id: p.id, role: p.role, pseudonym: p.pseudonym, college: p.college, connected };
}

export function grantFor(sessionId: string, p: ParticipantRecord, token: string): AccessGrant {
  return { sessionId, token, participantId: p.id, role: p.role, pseudonym: p.pseudonym, college: p.college };
}

/** A new person or role link, with the token to hand out once (only its hash is kept). */
export function newParticipant(role: Role, pseudonym: string, college: College | null): { record: ParticipantRecord; token: string } {
  const token = newToken();
  const record: ParticipantRecord = {
    id: newId(),
    role,
    tokenHash: hashToken(token),
    pseudonym,
    college,
    createdAt: new Date().toISOString(),
    revokedAt: null,
  };
  return { record, token };
}

/**
 * The session's owner: the facilitator who created it, the first one in its
 * list (role links for co-facilitators are added after it, imports too).
 */
export function ownerId(session: Pick<SessionRecord, 'participants'>): string | undefined {
  return session.participants.find((p) => p.role === 'facilitator')?.id;
}

export class SessionAccess {
  constructor(private readonly sessions: SessionStore) {}

  private async require(sessionId: string): Promise<SessionRecord> {
    const session = await this.sessions.get(sessionId);
    if (!session) throw sessionNotFound();
    return session;
  }

  /** A participant joining an open session (the caller found it by its join code). */
  join(sessionId: string, pseudonym: string, college: College): Promise<AccessGrant> {
    return this.add(sessionId, 'participant', pseudonym, college);
  }

  /** A shareable link for a co-facilitator or for observers (one token for everyone holding it). */
  async createRoleLink(sessionId: string, role: Extract<Role, 'facilitator' | 'observer'>): Promise<AccessGrant> {
    await this.require(sessionId);
    return this.add(sessionId, role, role === 'facilitator' ? 'Co-animation' : 'Observation', null);
  }

  private async add(sessionId: string, role: Role, pseudonym: string, college: College | null): Promise<AccessGrant> {
    const { record, token } = newParticipant(role, pseudonym, college);
    const updated = await this.sessions.update(sessionId, (current) => ({ participants: [...current.participants, record] }));
    if (!updated) throw sessionNotFound();
    return grantFor(sessionId, record, token);
  }

  /** The principal a token stands for, or null if it is unknown or revoked. */
  async resolveToken(sessionId: string, token: string | null | undefined): Promise<Principal | null> {
    if (!token) return null;
    const session = await this.sessions.get(sessionId);
    if (!session) return null;
    // Hashed once per lookup, not once per participant. Comparing digests needs no constant time:
    // timing can at most reveal a digest prefix, which gives no way to forge a 256-bit token.
    const hash = hashToken(token);
    const participant = session.participants.find((p) => p.tokenHash === hash);
    if (!participant || participant.revokedAt) return null;
    return toPrincipal(sessionId, participant);
  }

  async participants(sessionId: string): Promise<ParticipantRecord[]> {
    return (await this.require(sessionId)).participants.filter((p) => !p.revokedAt);
  }

  async removeParticipant(sessionId: string, participantId: string): Promise<void> {
    const session = await this.require(sessionId);
    if (!session.participants.some((p) => p.id === participantId && !p.revokedAt)) throw participantNotFound();
    if (participantId === ownerId(session)) throw ownerNotRevocable();
    const revokedAt = new Date().toISOString();
    await this.sessions.update(sessionId, (current) => ({
      participants: current.participants.map((p) => (p.id === participantId ? { ...p, revokedAt } : p)),
    }));
  }

  /**
   * A participant who withdrew their contributions: their pseudonym erased, their token revoked, and one more
   * withdrawal counted on the session (facilitators see how many, never who).
   */
  async withdraw(sessionId: string, participantId: string): Promise<void> {
    const revokedAt = new Date().toISOString();
    await this.sessions.update(sessionId, (current) => ({
      participants: current.participants.map((p) => (p.id === participantId ? { ...p, pseudonym: ANONYMOUS, revokedAt } : p)),
      contributionsWithdrawn: (current.contributionsWithdrawn ?? 0) + 1,
    }));
  }

  /** Sessions created before `before` whose boards still say who wrote what. */
  async authorsToForget(before: Date): Promise<string[]> {
    const sessions = await this.sessions.list();
    return sessions.filter((s) => new Date(s.createdAt) < before && !s.authorsForgottenAt).map((s) => s.id);
  }

  async markAuthorsForgotten(sessionId: string): Promise<void> {
    await this.sessions.update(sessionId, () => ({ authorsForgottenAt: new Date().toISOString() }));
  }

  /**
   * Replaces the names of people (participants' pseudonyms, the facilitator's name given at creation) in
   * sessions created before `before`; role links keep their labels, and nothing else changes.
   */
  async purgePseudonyms(before: Date): Promise<number> {
    let purged = 0;
    for (const session of await this.sessions.list()) {
      if (new Date(session.createdAt) >= before) continue;
      if (!session.participants.some((p) => purgedName(p) !== p.pseudonym)) continue;
      await this.sessions.update(session.id, (s) => ({
        participants: s.participants.map((p) => ({ ...p, pseudonym: purgedName(p) })),
      }));
      purged += 1;
    }
    return purged;
  }
}
