import { BoardConnection } from '../collaboration/BoardConnection.js';
import type { BoardRoom } from '../collaboration/BoardRoom.js';
import type { Logger } from '../logger.js';

/**
 * A participant's first edit that the board accepts starts the workshop
 * (preparation → running). Facilitators arrange canvases, so their edits
 * (preparing the board) do not count; observers' edits never reach the doc.
 */
export function startOnParticipantEdit(room: BoardRoom, start: (sessionId: string) => Promise<void>, log: Logger): void {
  let asked = false;
  room.doc.on('update', (_update: Uint8Array, origin: unknown) => {
    if (asked || !(origin instanceof BoardConnection) || origin.access.mayArrangeCanvases) return;
    asked = true;
    start(room.boardId).catch((err) => {
      asked = false;
      log.error({ err, sessionId: room.boardId }, 'workshop start on first edit failed');
    });
  });
}
