/**
 * Facilitation over socket.io: each socket gets the state on connecting,
 * then the commands of every concern (one file each).
 */
import type { TrameSocket } from './attachRealtime.js';
import { Facilitation, type FacilitationDeps } from './Facilitation.js';
import { FacilitationError } from './FacilitationError.js';
import { followHandlers } from './followHandlers.js';
import { pauseHandlers } from './pauseHandlers.js';
import { presentFacilitation } from './presentFacilitation.js';
import { privateWritingHandlers } from './privateWritingHandlers.js';
import { stepHandlers } from './stepHandlers.js';
import { timerHandlers } from './timerHandlers.js';
import { voteHandlers } from './voteHandlers.js';
import { workshopHandlers } from './workshopHandlers.js';
import { zoneHandlers } from './zoneHandlers.js';

const concerns = [timerHandlers, stepHandlers, pauseHandlers, followHandlers, voteHandlers, privateWritingHandlers, workshopHandlers, zoneHandlers];

export function attachFacilitation(deps: FacilitationDeps): Facilitation {
  const f = new Facilitation(deps);
  deps.io.on('connection', (socket: TrameSocket) => {
    for (const register of concerns) register(socket, f);
    socket.on('facilitation:get', async (ack) => {
      if (typeof ack !== 'function') return;
      const { principal } = socket.data;
      try {
        ack({ ok: true, data: presentFacilitation(await f.get(principal.sessionId), principal, f.now()) });
      } catch (error) {
        if (error instanceof FacilitationError) return ack({ ok: false, code: error.code, message: error.message });
        f.log.error({ err: error, sessionId: principal.sessionId }, 'facilitation state unavailable');
        ack({ ok: false, code: 'internal', message: 'Une erreur est survenue. Réessayez.' });
      }
    });
    f.broadcaster.greet(socket).catch((err) => f.log.error({ err, sessionId: socket.data.principal.sessionId }, 'facilitation greeting failed'));
  });
  return f;
}
