/** Board connections and loaded boards follow session events: removed people and deleted sessions are closed. */
import { CloseCode } from '../../shared/closeCodes.js';
import type { SessionEffects } from '../sessions/SessionEventBus.js';
import type { BoardRegistry } from './BoardRegistry.js';
import type { YjsServer } from './attachYjsServer.js';

export function boardEffects(yjs: YjsServer, registry: BoardRegistry): SessionEffects {
  return async (event) => {
    switch (event.type) {
      case 'participant:removed':
        yjs.disconnectPrincipal(event.participantId, CloseCode.Removed, 'removed');
        return;
      case 'session:deleted':
        yjs.disconnectBoard(event.sessionId, CloseCode.UnknownBoard, 'deleted');
        return registry.drop(event.sessionId);
    }
  };
}
