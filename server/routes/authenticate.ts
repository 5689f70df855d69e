import type { Request } from 'express';
import type { Principal } from '../../shared/roles.js';
import { forbidden, unauthorized } from '../errors.js';
import type { SessionService } from '../sessions/SessionService.js';

function bearer(req: Request): string | null {
  const header = req.get('authorization');
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return match?.[1] ?? null;
}

/** The principal behind the request's bearer token for this session, or 401. */
export async function authenticate(req: Request, sessions: SessionService, sessionId: string): Promise<Principal> {
  const principal = await sessions.resolveToken(sessionId, bearer(req));
  if (!principal) throw unauthorized();
  return principal;
}

export async function requireFacilitator(req: Request, sessions: SessionService, sessionId: string): Promise<Principal> {
  await sessions.require(sessionId);
  const principal = await authenticate(req, sessions, sessionId);
  if (principal.role !== 'facilitator') throw forbidden();
  return principal;
}
