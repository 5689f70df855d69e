import { isSessionClosed, type Principal, type SessionStatus } from '../../shared/roles.js';

/**
 * The live facts that decide whether a connection may edit a board right now.
 * Connections hold a reference and ask on every update, so closing or pausing
 * a session takes effect at once without reconnecting anyone.
 */
export class SessionPolicy {
  paused = false;
  constructor(public status: SessionStatus) {}

  canEdit(principal: Principal): boolean {
    if (principal.role === 'facilitator') return true;
    if (principal.role === 'observer') return false;
    return !this.paused && !isSessionClosed(this.status);
  }
}
