import { DEVICE_TOKENS_HEADER, encodeDeviceTokens } from '../../shared/deviceTokens.js';
import type { AccessGrant, SessionView } from '../../shared/sessionSchemas.js';

/** The creator is its facilitator: the answer always carries the join code. */
export type CreatedSession = SessionView & { joinCode: string; access: AccessGrant };

export async function createSession(
  baseUrl: string,
  body: Record<string, unknown> = { title: 'Atelier test' },
): Promise<CreatedSession> {
  const res = await fetch(`${baseUrl}/api/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (res.status !== 201) throw new Error(`session creation failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as CreatedSession;
}

export async function joinSession(
  baseUrl: string,
  joinCode: string,
  pseudonym = 'Camille',
  college = 'habitant',
): Promise<AccessGrant> {
  const res = await fetch(`${baseUrl}/api/join`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code: joinCode, pseudonym, college }),
  });
  if (res.status !== 201) throw new Error(`join failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as AccessGrant;
}

/** A request with a session token, as the client sends it. */
export function authed(token: string, init: RequestInit = {}): RequestInit {
  return {
    ...init,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...init.headers },
  };
}

/** Headers of a device that facilitates these sessions (as the client sends its stored tokens). */
export function asDevice(...sessions: CreatedSession[]): Record<string, string> {
  return { [DEVICE_TOKENS_HEADER]: encodeDeviceTokens(sessions.map((s) => ({ sessionId: s.id, token: s.access.token }))) };
}
