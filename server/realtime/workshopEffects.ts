/**
 * A workshop that closes (« Terminer l'atelier », the record card, the
 * dashboard's archive) stops its timer and closes its open vote, whichever
 * command closed it. Run once, where the change was made: the facilitation
 * state then reaches every instance as any change does. An archived
 * workshop is over for good: private notes never revealed are dropped.
 */
import { isSessionClosed } from '../../shared/roles.js';
import type { SessionEffects } from '../sessions/SessionEventBus.js';
import type { SessionService } from '../sessions/SessionService.js';
import type { FacilitationRecord } from './facilitationRecord.js';
import { closeFacilitation } from './closeFacilitation.js';
import type { Facilitation } from './Facilitation.js';

function stillRunning(record: FacilitationRecord): boolean {
  const last = record.stepLog?.at(-1);
  return record.timer !== null || record.vote?.status === 'open' || record.follow !== null || (last !== undefined && last.endedAt === null);
}

export function workshopEffects(f: Facilitation, sessions: SessionService): SessionEffects {
  return async (event, origin) => {
    if (event.type !== 'session:changed' || origin !== 'here') return;
    const session = await sessions.get(event.sessionId);
    if (!session || !isSessionClosed(session.status)) return;
    if (stillRunning(await f.get(event.sessionId))) await closeFacilitation(f, event.sessionId);
    if (session.status === 'archived') await f.dropPrivateNotes(event.sessionId);
  };
}
