/** Starting and ending the workshop from the cockpit; ending's effects on facilitation are workshopEffects'. */
import { empty } from '../../shared/facilitation.js';
import type { TrameSocket } from './attachRealtime.js';
import { defineCommand } from './defineCommand.js';
import type { Facilitation } from './Facilitation.js';

export function workshopHandlers(socket: TrameSocket, f: Facilitation): void {
  defineCommand(socket, f.log, 'workshop:start', empty, 'facilitator', async (_, p) => {
    await f.lifecycle?.start(p.sessionId);
  });
  defineCommand(socket, f.log, 'workshop:end', empty, 'facilitator', async (_, p) => {
    await f.lifecycle?.finish(p.sessionId);
  });
}
