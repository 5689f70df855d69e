import { boardRecords } from '../../shared/boardLayout.js';
import { BoardConnection } from './BoardConnection.js';
import type { BoardRoom } from './BoardRoom.js';
import type { Logger } from '../logger.js';

/**
 * A participant's first shape on the board (a note, a drawing) starts the
 * workshop: preparation → running. Opening the board is not an edit, though a
 * client may write bookkeeping records then; facilitators arrange canvases
 * while preparing, so their edits do not count; observers' never reach the doc.
 */
export function startOnParticipantEdit(room: BoardRoom, start: (sessionId: string) => Promise<void>, log: Logger): void {
  let asked = false;
  boardRecords(room.doc).observe((event) => {
    const origin = event.transaction.origin as unknown;
    if (asked || !(origin instanceof BoardConnection) || origin.access.mayArrangeCanvases) return;
    if (![...event.keysChanged].some((key) => key.startsWith('shape:'))) return;
    asked = true;
    start(room.boardId).catch((err) => {
      asked = false;
      log.error({ err, sessionId: room.boardId }, 'workshop start on first edit failed');
    });
  });
}
