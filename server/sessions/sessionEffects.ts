/** What sessions keep in memory follows session events: live edit policies and the full-text index. */
import type { SessionEffects } from './SessionEventBus.js';
import type { SessionService } from './SessionService.js';

export function sessionEffects(sessions: SessionService): SessionEffects {
  return async (event) => {
    switch (event.type) {
      case 'session:changed':
        return sessions.reload(event.sessionId);
      case 'session:deleted':
        return sessions.forget(event.sessionId);
      case 'board:paused':
        (await sessions.policy(event.sessionId)).paused = event.paused;
        return;
    }
  };
}
