import type { SessionView } from '../../shared/sessionSchemas.js';

export type NextAction = 'open' | 'resume' | 'publish' | 'export';

/**
 * What a facilitator most likely does next with a workshop: prepare it (ouvrir), run it again (reprendre),
 * share it once finished (publier: the record card holds the publication), then hand out its report (exporter).
 */
export function nextAction(session: Pick<SessionView, 'status' | 'published'>): NextAction {
  switch (session.status) {
    case 'preparation':
      return 'open';
    case 'running':
      return 'resume';
    case 'finished':
      return session.published ? 'export' : 'publish';
    default:
      return 'export';
  }
}
