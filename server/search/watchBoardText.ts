import { boardRecords } from '../../shared/boardLayout.js';
import { boardText } from '../../shared/boardContent.js';
import type { BoardRoom } from '../collaboration/BoardRoom.js';
import type { Logger } from '../logger.js';

const SETTLE_MS = 2_000;

/**
 * Keeps a session's searchable text in step with its board: once edits
 * settle, the notes' text is extracted and stored if it changed, so the index
 * is updated per board and never rebuilt.
 */
export function watchBoardText(
  room: BoardRoom,
  save: (sessionId: string, text: string) => Promise<void>,
  log: Logger,
): void {
  let timer: NodeJS.Timeout | undefined;
  let last: string | undefined;
  const extract = () => {
    timer = undefined;
    const text = boardText(boardRecords(room.doc).values());
    if (text === last) return;
    last = text;
    save(room.boardId, text).catch((err) => log.warn({ err, boardId: room.boardId }, 'search text not saved'));
  };
  room.doc.on('update', () => {
    clearTimeout(timer);
    timer = setTimeout(extract, SETTLE_MS);
  });
  room.doc.on('destroy', () => {
    if (timer) extract();
    clearTimeout(timer);
  });
}
