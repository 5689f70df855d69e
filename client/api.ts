/** Calls to Trame's API; failures throw an ApiRequestError carrying the server's French message. */
import type { BankProjectEntry, BankProjectView } from '../shared/bankProjects.js';
import type { ApiErrorBody } from '../shared/apiErrors.js';
import type { Principal } from '../shared/roles.js';
import type {
  ContributionsWithdrawn,
  AccessGrant,
  BankEntryView,
  BankEssentials,
  JoinInfo,
  ParticipantView,
  PublishedBoard,
  SessionDescription,
  SessionView,
} from '../shared/sessionSchemas.js';
import type { PublicSuite, Suite, SuiteFollowUp, SuitePatchInput, SuiteStatus } from '../shared/suites.js';
import type { TemplateSummary } from '../shared/templateApi.js';
import { deviceTokensHeader } from './session/accessStore.js';
import { apiPaths, queryString } from '../shared/paths.js';

export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** For invalid input: each faulty field and what is wrong with it. */
    readonly fields: { path: string; message: string }[] = [],
  ) {
    super(message);
  }
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** One call to the API: JSON in and out, the server's refusal as an ApiRequestError. */
export async function request<T>(path: string, init?: RequestInit): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      ...init,
      headers: { 'content-type': 'application/json', ...init?.headers },
    });
  } catch {
    throw new ApiRequestError(0, 'network', '');
  }
  if (res.status === 204) return undefined as T;
  if (res.ok) return (await res.json()) as T;
  const body = (await res.json().catch(() => null)) as ApiErrorBody | null;
  throw new ApiRequestError(res.status, body?.error.code ?? 'internal', body?.error.message ?? '', body?.error.fields ?? []);
}


export type SessionFilters = Partial<Record<'q' | 'theme' | 'echelon' | 'territory' | 'phase' | 'stage' | 'status', string>>;
/** The bank's filters: the sessions' ones, and what became of the ideas (`retenues`, `realisees`). */
export type BankFilters = SessionFilters & { suites?: SuiteFollowUp };

/** What the server says of itself; the same for a page's whole life. */
export interface ServerConfig {
  tldrawLicenseKey: string | null;
  passwordRequired: boolean;
  privacy: { contact: string | null; retentionDays: number };
}
let serverConfig: Promise<ServerConfig> | undefined;

export const api = {
  suites: (id: string, token: string) => request<{ suites: Suite[] }>(apiPaths.sessionSuites(id), { headers: bearer(token) }),
  bankSuites: (id: string) => request<{ suites: PublicSuite[] }>(apiPaths.bankSuites(id)),
  mySuites: (id: string, token: string) => request<{ suites: PublicSuite[] }>(apiPaths.sessionMySuites(id), { headers: bearer(token) }),
  createSuite: (id: string, token: string, noteIds: string[]) =>
    request<Suite>(apiPaths.sessionSuites(id), { method: 'POST', body: JSON.stringify({ noteIds }), headers: bearer(token) }),
  editSuite: (id: string, token: string, suiteId: string, patch: SuitePatchInput) =>
    request<Suite>(apiPaths.sessionSuite(id, suiteId), { method: 'PATCH', body: JSON.stringify(patch), headers: bearer(token) }),
  setSuiteStatus: (id: string, token: string, suiteId: string, status: SuiteStatus, reason: string) =>
    request<Suite>(apiPaths.sessionSuiteStatus(id, suiteId), {
      method: 'POST',
      body: JSON.stringify({ status, reason: reason || undefined }),
      headers: bearer(token),
    }),
  templates: (phase?: string) =>
    request<{ templates: TemplateSummary[] }>(`${apiPaths.templates}${queryString({ phase })}`),
  importTemplate: (template: unknown, password?: string) =>
    request<TemplateSummary>(apiPaths.templates, {
      method: 'POST',
      body: JSON.stringify(template),
      headers: { ...deviceTokensHeader(), ...(password ? { 'x-trame-password': password } : {}) },
    }),
  saveAsTemplate: (token: string, body: { fromSessionId: string; canvasId?: string; title: string; phase: string; description: string }) =>
    request<TemplateSummary>(apiPaths.templates, { method: 'POST', body: JSON.stringify(body), headers: bearer(token) }),
  addCanvas: (id: string, token: string, templateId: string) =>
    request<{ canvasId: string }>(apiPaths.sessionCanvases(id), {
      method: 'POST',
      body: JSON.stringify({ templateId }),
      headers: bearer(token),
    }),
  repairBoard: (id: string, token: string) =>
    request<{ removed: number; schemaRestored: boolean }>(apiPaths.sessionBoardRepair(id), { method: 'POST', headers: bearer(token) }),
  lockCanvas: (id: string, token: string, canvasId: string, locked: boolean) =>
    request<{ locked: boolean }>(apiPaths.sessionCanvas(id, canvasId), {
      method: 'PATCH',
      body: JSON.stringify({ locked }),
      headers: bearer(token),
    }),
  listSessions: (filters: SessionFilters = {}, password?: string) =>
    request<{ sessions: SessionView[] }>(`${apiPaths.sessions}${queryString(filters)}`, {
      headers: { ...deviceTokensHeader(), ...(password ? { 'x-trame-password': password } : {}) },
    }),
  deleteSession: (id: string, token: string, password?: string) =>
    request<void>(apiPaths.session(id), {
      method: 'DELETE',
      headers: { ...bearer(token), ...(password ? { 'x-trame-password': password } : {}) },
    }),
  duplicateSession: (id: string, token: string, withContributions: boolean, password?: string) =>
    request<SessionView & { access: AccessGrant }>(apiPaths.sessionDuplicate(id), {
      method: 'POST',
      body: JSON.stringify({ withContributions, ...(password ? { password } : {}) }),
      headers: bearer(token),
    }),
  describeSession: (id: string, token: string, patch: { description?: Partial<SessionDescription>; published?: boolean }) =>
    request<SessionView>(apiPaths.session(id), { method: 'PATCH', body: JSON.stringify(patch), headers: bearer(token) }),
  /** Published workshops, and published projects (« démarches ») with their workshops folded into them. */
  bank: (filters: BankFilters = {}) =>
    request<{ entries: BankEntryView[]; projects: BankProjectEntry[] }>(`${apiPaths.bank}${queryString(filters)}`),
  bankProject: (id: string) => request<BankProjectView>(apiPaths.bankProject(id)),
  bankEntry: (id: string) => request<BankEntryView>(apiPaths.bankEntry(id)),
  bankBoard: (id: string) => request<PublishedBoard>(apiPaths.bankBoard(id)),
  bankEssentials: (id: string) => request<BankEssentials>(apiPaths.bankEssentials(id)),
  /** With a facilitator's token, the answer carries the join code. */
  getSession: (id: string, token?: string) => request<SessionView>(apiPaths.session(id), token ? { headers: bearer(token) } : undefined),
  /** The join QR code as an object URL (revoke it when done): it carries the code, so it needs the token. */
  qrCodeUrl: async (id: string, token: string) => {
    const res = await fetch(apiPaths.sessionQr(id), { headers: bearer(token) });
    if (!res.ok) throw new ApiRequestError(res.status, 'unauthorized', '');
    return URL.createObjectURL(await res.blob());
  },
  createSession: (body: { title: string; facilitatorName?: string; password?: string; templateIds?: string[] }) =>
    request<SessionView & { joinCode: string; access: AccessGrant }>(apiPaths.sessions, { method: 'POST', body: JSON.stringify(body) }),
  updateSession: (id: string, token: string, patch: Partial<Pick<SessionView, 'title' | 'status' | 'colorByCollege' | 'everyoneEditsNotes'>>) =>
    request<SessionView>(apiPaths.session(id), { method: 'PATCH', body: JSON.stringify(patch), headers: bearer(token) }),
  me: (id: string, token: string) => request<Principal>(apiPaths.sessionMe(id), { headers: bearer(token) }),
  withdrawContributions: (id: string, token: string) =>
    request<ContributionsWithdrawn>(apiPaths.sessionMyContributions(id), { method: 'DELETE', headers: bearer(token) }),
  participants: (id: string, token: string) =>
    request<{ participants: ParticipantView[] }>(apiPaths.sessionParticipants(id), { headers: bearer(token) }),
  removeParticipant: (id: string, token: string, participantId: string) =>
    request<void>(apiPaths.sessionParticipant(id, participantId), {
      method: 'DELETE',
      headers: bearer(token),
    }),
  createLink: (id: string, token: string, role: 'facilitator' | 'observer') =>
    request<AccessGrant & { url: string }>(apiPaths.sessionLinks(id), {
      method: 'POST',
      body: JSON.stringify({ role }),
      headers: bearer(token),
    }),
  joinInfo: (code: string) => request<JoinInfo>(apiPaths.joinCode(code)),
  join: (body: { code: string; pseudonym: string; college: string }) =>
    request<AccessGrant>(apiPaths.join, { method: 'POST', body: JSON.stringify(body) }),
  /** Asked once per page (a board asks it early, before its canvas's code has arrived); asked again after a failure. */
  getConfig: (): Promise<ServerConfig> => {
    serverConfig ??= request<ServerConfig>(apiPaths.config).catch((error: unknown) => {
      serverConfig = undefined;
      throw error;
    });
    return serverConfig;
  },
};
