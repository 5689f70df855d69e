/**
 * Session sockets follow session events. Each instance tells its own sockets (`io.local`): the event reaches
 * every instance, so going through the Redis adapter as well would send everything once per instance.
 */
import { sessionRoom } from '../../shared/socketEvents.js';
import type { SessionEffects } from '../sessions/SessionEventBus.js';
import type { TrameIo, Realtime } from './attachRealtime.js';
import type { Facilitation } from './Facilitation.js';

export function socketEffects(io: TrameIo, realtime: Realtime, facilitation: Facilitation): SessionEffects {
  return async (event, origin) => {
    switch (event.type) {
      case 'session:changed':
        return realtime.sendSession(event.sessionId);
      case 'participant:removed':
        realtime.disconnectParticipant(event.sessionId, event.participantId);
        // The facilitators' list goes through the adapter already: sent once, from where it changed.
        if (origin === 'here') await realtime.broadcastParticipants(event.sessionId);
        return;
      case 'session:deleted':
        io.local.in(sessionRoom(event.sessionId)).disconnectSockets(true);
        return;
      case 'facilitation:changed':
        return facilitation.broadcaster.broadcast(event.sessionId, event.stateFor, event.privateNotes);
    }
  };
}
