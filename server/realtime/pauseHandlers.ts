/** Pause: the board turns read-only for participants, enforced on every Yjs update by the session policy. */
import { pauseSetPayload } from '../../shared/facilitation.js';
import type { TrameSocket } from './attachRealtime.js';
import { defineCommand } from './defineCommand.js';
import type { Facilitation } from './Facilitation.js';

export function pauseHandlers(socket: TrameSocket, f: Facilitation): void {
  defineCommand(socket, f.log, 'pause:set', pauseSetPayload, 'facilitator', async ({ paused }, p) => {
    await f.change(p.sessionId, (current) => ({ ...current, paused }));
  });
}
