import type { BoardRefusal } from '../../shared/boardRefusals.js';
import { isSessionClosed, type Principal, type SessionStatus } from '../../shared/roles.js';

/**
 * The live facts that decide whether a connection may edit a board right now.
 * Connections hold a reference and ask on every update, so closing or pausing
 * a session takes effect at once without reconnecting anyone.
 */
export class SessionPolicy {
  paused = false;
  constructor(
    public status: SessionStatus,
    /** « Tout le monde peut modifier les notes de tous ». */
    public everyoneEditsNotes = false,
  ) {}

  /** Takes the session's stored settings (changed here or on another instance). */
  follow(session: { status: SessionStatus; everyoneEditsNotes?: boolean }): void {
    this.status = session.status;
    this.everyoneEditsNotes = session.everyoneEditsNotes ?? false;
  }

  canEdit(principal: Principal): boolean {
    return this.editRefusal(principal) === null;
  }

  /** Why `principal` may not edit now, or null. */
  editRefusal(principal: Principal): BoardRefusal | null {
    if (principal.role === 'facilitator') return null;
    if (principal.role === 'observer' || isSessionClosed(this.status)) return 'read-only';
    return this.paused ? 'paused' : null;
  }
}
