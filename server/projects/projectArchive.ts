/**
 * A project with its workshops, as one archive: exported for the device that owns it, imported on another
 * instance as a new project (new token) whose workshops are new sessions. Every workshop's archive is checked
 * before anything is written; carried notes and evidence links are pointed at the imported workshops.
 */
import type { SessionArchive } from '../../shared/archiveSchema.js';
import {
  PROJECT_ARCHIVE_FORMAT,
  PROJECT_ARCHIVE_VERSION,
  type Assessment,
  type EvidenceLink,
  type ProjectAccess,
  type ProjectArchive,
} from '../../shared/projects.js';
import type { AccessGrant } from '../../shared/sessionSchemas.js';
import type { AssetService } from '../assets/AssetService.js';
import type { Boards } from '../board/Boards.js';
import { buildSessionArchive } from '../export/sessionArchive.js';
import type { SessionCommandContext } from '../sessions/commands/SessionCommandContext.js';
import { importSessionArchive } from '../sessions/commands/copySession.js';
import type { SessionService } from '../sessions/SessionService.js';
import type { ProjectService } from './ProjectService.js';
import type { ProjectRecord } from './projectRecord.js';

export interface ProjectArchiveDeps {
  projects: ProjectService;
  sessions: SessionService;
  boards: Boards;
  assets: Pick<AssetService, 'exportSession'>;
  commands: SessionCommandContext;
}

export async function exportProject(deps: ProjectArchiveDeps, project: ProjectRecord): Promise<ProjectArchive> {
  const sessions = await deps.sessions.ofProject(project.id);
  return {
    format: PROJECT_ARCHIVE_FORMAT,
    version: PROJECT_ARCHIVE_VERSION,
    exportedAt: new Date().toISOString(),
    project: {
      title: project.title,
      description: project.description,
      territory: project.territory,
      themes: project.themes,
      partners: project.partners,
      createdAt: project.createdAt,
      assessments: project.assessments,
    },
    sessions: await Promise.all(sessions.map(async (s) => ({ id: s.id, archive: await buildSessionArchive(deps, s) }))),
  };
}

/** A project archive as `readProjectOffThread` checked it: every workshop's board read, in order. */
export async function importProject(
  deps: ProjectArchiveDeps,
  archive: ProjectArchive,
  boards: readonly Uint8Array[],
): Promise<{ project: ProjectRecord; access: ProjectAccess; grants: AccessGrant[] }> {
  const workshops = archive.sessions.map((entry, i) => ({ id: entry.id, archive: entry.archive, board: boards[i]! }));
  const { project: description } = archive;
  const { project, access } = await deps.projects.create({
    title: description.title,
    description: description.description,
    territory: description.territory,
    themes: description.themes,
    partners: description.partners,
  });
  const newIds = new Map<string, string>();
  const grants: AccessGrant[] = [];
  // Oldest first: a workshop's carried notes name workshops imported before it.
  for (const workshop of workshops) {
    const imported = await importSessionArchive(deps.commands, workshop.archive as SessionArchive, workshop.board, newIds);
    await deps.projects.adopt(project.id, imported.session.id);
    newIds.set(workshop.id, imported.session.id);
    grants.push(imported.grant);
  }
  const assessments = description.assessments.map((a) => remapAssessment(a as Assessment, newIds));
  const restored = await deps.projects.restoreAssessments(project.id, assessments);
  return { project: restored, access, grants };
}

function remapAssessment(assessment: Assessment, newIds: ReadonlyMap<string, string>): Assessment {
  const id = (old: string | null) => (old === null ? null : (newIds.get(old) ?? null));
  const criteria = Object.fromEntries(
    Object.entries(assessment.criteria).map(([key, c]) => [
      key,
      {
        ...c,
        links: c.links.flatMap((l): EvidenceLink[] => {
          if (l.kind === 'url') return [l];
          const to = newIds.get(l.sessionId);
          return to ? [{ ...l, sessionId: to }] : [];
        }),
      },
    ]),
  ) as Assessment['criteria'];
  return { ...assessment, sessionId: id(assessment.sessionId), criteria };
}
