/**
 * A project into the public bank, or out of it. The bank shows a project as one entry with its workshops, so
 * publishing it publishes its finished workshops by the sessions' own command (each board anonymised as for
 * a workshop published alone); taking it out withdraws them too, so nothing it brought stays behind.
 */
import { isSessionClosed } from '../../shared/roles.js';
import { projectNotPublishable } from '../errors.js';
import type { SessionCommandContext } from '../sessions/commands/SessionCommandContext.js';
import { publishSession } from '../sessions/commands/updateSession.js';
import type { SessionService } from '../sessions/SessionService.js';
import type { ProjectRecord } from './projectRecord.js';
import type { ProjectService } from './ProjectService.js';

export interface PublishProjectDeps {
  projects: ProjectService;
  sessions: SessionService;
  commands: SessionCommandContext;
}

export async function publishProject(deps: PublishProjectDeps, projectId: string, published: boolean): Promise<ProjectRecord> {
  const workshops = await deps.sessions.ofProject(projectId);
  if (published) {
    const finished = workshops.filter((s) => isSessionClosed(s.status));
    // A project without a finished workshop would be an empty page in the bank.
    if (finished.length === 0) throw projectNotPublishable();
    for (const session of finished) if (!session.published) await publishSession(deps.commands, session.id, true);
  } else {
    for (const session of workshops) if (session.published) await publishSession(deps.commands, session.id, false);
  }
  return deps.projects.setPublished(projectId, published);
}
