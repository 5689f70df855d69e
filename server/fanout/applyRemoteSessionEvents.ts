/** Applies other instances' session events to what this instance holds for its own connections. */
import { CloseCode } from '../../shared/closeCodes.js';
import type { BoardRegistry } from '../collaboration/BoardRegistry.js';
import type { YjsServer } from '../collaboration/attachYjsServer.js';
import type { Logger } from '../logger.js';
import type { SessionService } from '../sessions/SessionService.js';
import type { SessionEvent, SessionEvents } from './SessionEvents.js';

export interface LocalSessionState {
  sessions: SessionService;
  registry: BoardRegistry;
  yjs: YjsServer;
  log: Logger;
}

export function applyRemoteSessionEvents(events: SessionEvents, local: LocalSessionState): void {
  const apply = async (event: SessionEvent): Promise<void> => {
    switch (event.type) {
      case 'session:changed':
        return local.sessions.reload(event.sessionId);
      case 'participant:removed':
        local.yjs.disconnectPrincipal(event.participantId, CloseCode.Removed, 'removed');
        return;
      case 'session:deleted':
        local.yjs.disconnectBoard(event.sessionId, CloseCode.UnknownBoard, 'deleted');
        await local.registry.drop(event.sessionId);
        return local.sessions.reload(event.sessionId);
    }
  };
  events.subscribe((event) => {
    apply(event).catch((err) => local.log.error({ err, event }, 'événement de session non appliqué'));
  });
}
