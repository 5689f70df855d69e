/**
 * "Tout le monde me suit": one leader per session, whose camera is relayed
 * to everyone else. Followers break away and come back on their own side.
 */
import { cameraBoundsSchema, empty } from '../../shared/facilitation.js';
import { sessionRoom } from '../../shared/socketEvents.js';
import type { TrameSocket } from './attachRealtime.js';
import { defineCommand } from './defineCommand.js';
import type { Facilitation } from './Facilitation.js';

export function followHandlers(socket: TrameSocket, f: Facilitation): void {
  defineCommand(socket, f.log, 'follow:start', empty, 'facilitator', async (_, p) => {
    f.cameras.forget(p.sessionId);
    await f.change(p.sessionId, (current) => ({
      ...current,
      follow: { leaderId: p.participantId, leaderName: p.pseudonym },
    }));
  });
  defineCommand(socket, f.log, 'follow:stop', empty, 'facilitator', async (_, p) => {
    f.cameras.forget(p.sessionId);
    await f.change(p.sessionId, (current) => ({ ...current, follow: null }));
  });

  socket.on('follow:camera', async (payload) => {
    const { principal } = socket.data;
    const parsed = cameraBoundsSchema.safeParse(payload);
    if (!parsed.success) {
      f.log.debug({ sessionId: principal.sessionId }, 'invalid follow camera ignored');
      return;
    }
    if ((await f.leaderOf(principal.sessionId)) !== principal.participantId) return;
    f.cameras.set(principal.sessionId, parsed.data);
    socket.to(sessionRoom(principal.sessionId)).emit('follow:camera', parsed.data);
  });
}
