import { timingSafeEqual } from 'node:crypto';
import type { Request } from 'express';
import type { Principal } from '../../shared/roles.js';
import { forbidden, passwordRequired, unauthorized } from '../errors.js';
import type { SessionService } from '../sessions/SessionService.js';

function bearer(req: Request): string | null {
  const header = req.get('authorization');
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return match?.[1] ?? null;
}

/** The principal behind the request's bearer token for this session, or 401. */
export async function authenticate(req: Request, sessions: SessionService, sessionId: string): Promise<Principal> {
  const principal = await sessions.access.resolveToken(sessionId, bearer(req));
  if (!principal) throw unauthorized();
  return principal;
}

export async function requireFacilitator(req: Request, sessions: SessionService, sessionId: string): Promise<Principal> {
  await sessions.require(sessionId);
  const principal = await authenticate(req, sessions, sessionId);
  if (principal.role !== 'facilitator') throw forbidden();
  return principal;
}

/**
 * On an instance with FACILITATOR_PASSWORD, what creates things for the whole
 * instance (sessions, imports, the list of workshops) needs it: in the body
 * for session creation, otherwise in the `x-trame-password` header.
 */
export function requireInstancePassword(expected: string | undefined, given: string | undefined): void {
  if (!expected) return;
  const a = Buffer.from(given ?? '');
  const b = Buffer.from(expected);
  if (a.length !== b.length || !timingSafeEqual(a, b)) throw passwordRequired();
}
