/**
 * A full zone grows: the list view asks before sending a note to the
 * débordement band. Anyone who may edit the board now may ask; the board
 * grows only when the zone is really full and its canvas below its tallest,
 * so a flood of requests changes nothing.
 */
import { zoneGrowPayload } from '../../shared/facilitation.js';
import type { TrameSocket } from './attachRealtime.js';
import { defineCommand } from './defineCommand.js';
import type { Facilitation } from './Facilitation.js';
import { boardPaused, boardReadOnly, zoneNotFound } from './FacilitationError.js';

export function zoneHandlers(socket: TrameSocket, f: Facilitation): void {
  defineCommand(socket, f.log, 'zone:grow', zoneGrowPayload, 'editor', async ({ zoneShapeId }, p) => {
    const refusal = (await f.livePolicy(p.sessionId)).editRefusal(p);
    if (refusal === 'paused') throw boardPaused();
    if (refusal) throw boardReadOnly();
    if ((await f.boards.growZone(p.sessionId, zoneShapeId)) === 'no-zone') throw zoneNotFound();
  });
}
