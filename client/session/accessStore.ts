/**
 * The tokens this device holds, one per session, so that reloading or coming
 * back later rejoins with the same identity. A facilitator's token stays here
 * too: it is how they get their secret link back on their own device.
 */
import { DEVICE_TOKENS_HEADER, encodeDeviceTokens } from '../../shared/deviceTokens.js';
import type { ProjectAccess } from '../../shared/projects.js';
import type { AccessGrant } from '../../shared/sessionSchemas.js';

const key = (sessionId: string) => `trame.access.${sessionId}`;

export function loadAccess(sessionId: string): AccessGrant | null {
  const raw = localStorage.getItem(key(sessionId));
  if (!raw) return null;
  try {
    return JSON.parse(raw) as AccessGrant;
  } catch {
    localStorage.removeItem(key(sessionId));
    return null;
  }
}

export function saveAccess(grant: AccessGrant): void {
  localStorage.setItem(key(grant.sessionId), JSON.stringify(grant));
}

export function forgetAccess(sessionId: string): void {
  localStorage.removeItem(key(sessionId));
}

const projectKey = (projectId: string) => `trame.project.${projectId}`;

/** A project's token, given once at its creation: it is how this device proves the project is its own. */
export function saveProjectAccess(access: ProjectAccess): void {
  localStorage.setItem(projectKey(access.projectId), access.token);
}

export function hasProjectAccess(projectId: string): boolean {
  return localStorage.getItem(projectKey(projectId)) !== null;
}

/**
 * Every facilitator token and project token this device holds, in one header: the server lists only these
 * sessions and projects to a device without the password.
 */
export function deviceTokensHeader(): Record<string, string> {
  const grants: { sessionId: string; token: string }[] = [];
  for (let i = 0; i < localStorage.length; i++) {
    const k = localStorage.key(i);
    const grant = k?.startsWith('trame.access.') ? loadAccess(k.slice('trame.access.'.length)) : null;
    if (grant?.role === 'facilitator') grants.push(grant);
    const project = k?.startsWith('trame.project.') ? k.slice('trame.project.'.length) : null;
    const token = project ? localStorage.getItem(k!) : null;
    if (project && token) grants.push({ sessionId: project, token });
  }
  return grants.length ? { [DEVICE_TOKENS_HEADER]: encodeDeviceTokens(grants) } : {};
}

/** Role links carry their token in the fragment (`#acces=…`), which browsers never send to servers. */
export function tokenFromFragment(): string | null {
  const match = /(?:^#|&)acces=([A-Za-z0-9_-]+)/.exec(window.location.hash);
  return match?.[1] ?? null;
}

export function facilitatorLink(grant: AccessGrant): string {
  return `${window.location.origin}/s/${grant.sessionId}#acces=${grant.token}`;
}
