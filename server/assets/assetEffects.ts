/** Images follow session events: a workshop that closes loses the images its board no longer shows. */
import { isSessionClosed } from '../../shared/roles.js';
import type { Logger } from '../logger.js';
import type { SessionEffects } from '../sessions/SessionEventBus.js';
import type { SessionService } from '../sessions/SessionService.js';
import { UPLOAD_GRACE_MS, type UnusedImages } from './UnusedImages.js';

export function assetEffects(unused: UnusedImages, sessions: SessionService, log: Logger): SessionEffects {
  return async (event, origin) => {
    // Images are stored once for every instance: purged where the change was made.
    if (event.type !== 'session:changed' || origin !== 'here') return;
    const session = await sessions.get(event.sessionId);
    if (!session || !isSessionClosed(session.status)) return;
    const count = await unused.purge(event.sessionId, UPLOAD_GRACE_MS);
    if (count > 0) log.info({ sessionId: event.sessionId, count }, 'unused images deleted at the end of the workshop');
  };
}
