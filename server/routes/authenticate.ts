import { timingSafeEqual } from 'node:crypto';
import type { Request } from 'express';
import { DEVICE_TOKENS_HEADER, parseDeviceTokens } from '../../shared/deviceTokens.js';
import type { Principal } from '../../shared/roles.js';
import { facilitatorRequired, forbidden, ownerOnly, passwordRequired, unauthorized } from '../errors.js';
import type { AttemptThrottle } from '../http/AttemptThrottle.js';
import { ownerId } from '../sessions/SessionAccess.js';
import type { SessionService } from '../sessions/SessionService.js';

function bearer(req: Request): string | null {
  const header = req.get('authorization');
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return match?.[1] ?? null;
}

/** The principal behind the request's bearer token for this session, or 401. */
export async function authenticate(req: Request, sessions: SessionService, sessionId: string): Promise<Principal> {
  const principal = await optionalPrincipal(req, sessions, sessionId);
  if (!principal) throw unauthorized();
  return principal;
}

/** The principal behind the bearer token, or null for an anonymous request. */
export function optionalPrincipal(req: Request, sessions: SessionService, sessionId: string): Promise<Principal | null> {
  return sessions.access.resolveToken(sessionId, bearer(req));
}

export async function requireFacilitator(req: Request, sessions: SessionService, sessionId: string): Promise<Principal> {
  await sessions.require(sessionId);
  const principal = await authenticate(req, sessions, sessionId);
  if (principal.role !== 'facilitator') throw forbidden();
  return principal;
}

/** The session's creator: what removes a session or makes a new one from it is theirs alone, not a co-facilitator's. */
export async function requireOwner(req: Request, sessions: SessionService, sessionId: string): Promise<Principal> {
  const session = await sessions.require(sessionId);
  const principal = await requireFacilitator(req, sessions, sessionId);
  if (principal.participantId !== ownerId(session)) throw ownerOnly();
  return principal;
}

function passwordMatches(expected: string, given: string | undefined): boolean {
  const a = Buffer.from(given ?? '');
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** FACILITATOR_PASSWORD (if set), and the throttle on guessing it. */
export interface InstancePassword {
  expected: string | undefined;
  throttle: AttemptThrottle;
}

/** Who is guessing, as far as the server can tell (behind a proxy, see TRUST_PROXY). */
export function clientAddress(req: Request): string {
  return req.ip ?? req.socket.remoteAddress ?? 'unknown';
}

/**
 * On an instance with FACILITATOR_PASSWORD, what creates things for the whole
 * instance (sessions, imports, the list of workshops) needs it: in the body
 * for session creation, otherwise in the `x-trame-password` header. Wrong
 * guesses are throttled per client (429 with Retry-After).
 */
export async function requireInstancePassword(req: Request, password: InstancePassword, given: string | undefined): Promise<void> {
  if (!password.expected) return;
  const client = clientAddress(req);
  await password.throttle.check(client);
  if (passwordMatches(password.expected, given)) return;
  await password.throttle.fail(client, { route: `${req.method} ${req.baseUrl}${req.path}` });
  throw passwordRequired();
}

/** The sessions this device facilitates, as proved by the tokens it sends (`x-trame-tokens`). */
export async function facilitatedSessionIds(req: Request, sessions: SessionService): Promise<Set<string>> {
  const ids = new Set<string>();
  for (const { sessionId, token } of parseDeviceTokens(req.get(DEVICE_TOKENS_HEADER))) {
    const principal = await sessions.access.resolveToken(sessionId, token);
    if (principal?.role === 'facilitator') ids.add(sessionId);
  }
  return ids;
}

/**
 * What writes to the whole instance (template library, archive import) needs
 * the facilitator password or a device that facilitates at least one
 * session: an anonymous passer-by may create a workshop, not overwrite the
 * team's templates.
 */
export async function requireInstanceFacilitator(req: Request, sessions: SessionService, password: InstancePassword): Promise<void> {
  const given = req.get('x-trame-password');
  if (password.expected && given) return requireInstancePassword(req, password, given);
  if ((await facilitatedSessionIds(req, sessions)).size > 0) return;
  throw password.expected ? passwordRequired() : facilitatorRequired();
}
