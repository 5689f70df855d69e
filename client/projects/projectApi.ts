/** Calls to the projects API (« démarches »), with the device's tokens: a project answers only its own device. */
import { apiPaths, queryString } from '../../shared/paths.js';
import type {
  CarryOver,
  CharacterisationUpdate,
  GridProposal,
  JourneyWorkshop,
  ProjectAccess,
  ProjectView,
  WorkshopIdeas,
} from '../../shared/projects.js';
import type { AccessGrant, SessionDescription, SessionView } from '../../shared/sessionSchemas.js';
import type { Template } from '../../shared/templateSchema.js';
import { request } from '../api.js';
import { deviceTokensHeader } from '../session/accessStore.js';

export interface ProjectFields {
  title: string;
  description: string;
  territory: { name: string; echelon: string | null } | null;
  themes: string[];
  partners: string[];
}

const asDevice = (password?: string): Record<string, string> => ({
  ...deviceTokensHeader(),
  ...(password ? { 'x-trame-password': password } : {}),
});

export const projectApi = {
  list: (q: string, password?: string) =>
    request<{ projects: ProjectView[] }>(`${apiPaths.projects}${queryString({ q })}`, { headers: asDevice(password) }),
  create: (fields: ProjectFields, password?: string) =>
    request<ProjectView & { access: ProjectAccess }>(apiPaths.projects, {
      method: 'POST',
      body: JSON.stringify({ ...fields, ...(password ? { password } : {}) }),
    }),
  get: (id: string) => request<ProjectView>(apiPaths.project(id), { headers: asDevice() }),
  update: (id: string, patch: Partial<ProjectFields> & { attachSessionIds?: string[]; detachSessionIds?: string[]; published?: boolean }) =>
    request<ProjectView>(apiPaths.project(id), { method: 'PATCH', body: JSON.stringify(patch), headers: asDevice() }),
  journey: (id: string) => request<{ workshops: JourneyWorkshop[] }>(apiPaths.projectJourney(id), { headers: asDevice() }),
  ideas: (id: string, sessionId: string) => request<WorkshopIdeas>(apiPaths.projectSessionIdeas(id, sessionId), { headers: asDevice() }),
  createSession: (
    id: string,
    body: { title: string; templateIds: string[]; description?: Partial<SessionDescription>; carryOver?: CarryOver; password?: string },
  ) =>
    request<SessionView & { access: AccessGrant }>(apiPaths.projectSessions(id), {
      method: 'POST',
      body: JSON.stringify(body),
      headers: asDevice(),
    }),
  characterise: (id: string, update: Partial<CharacterisationUpdate>) =>
    request<ProjectView>(apiPaths.projectCharacterisation(id), { method: 'POST', body: JSON.stringify(update), headers: asDevice() }),
  gridProposals: (id: string, sessionId: string) =>
    request<{ proposals: GridProposal[] }>(apiPaths.projectGridProposals(id, sessionId), { headers: asDevice() }),
  template: (templateId: string) => request<Template>(`${apiPaths.templates}/${encodeURIComponent(templateId)}`),
};
