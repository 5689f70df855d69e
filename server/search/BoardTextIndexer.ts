import { boardRecords } from '../../shared/boardLayout.js';
import { boardText } from '../../shared/boardContent.js';
import type { BoardRoom } from '../collaboration/BoardRoom.js';
import type { Logger } from '../logger.js';

const SETTLE_MS = 2_000;

/**
 * Keeps sessions' searchable text in step with their boards: once a board's
 * edits settle (or it is unloaded), its notes' text is extracted and saved if
 * it changed, so the index is updated per board and never rebuilt.
 */
export class BoardTextIndexer {
  private readonly saving = new Set<Promise<void>>();

  constructor(
    private readonly save: (sessionId: string, text: string) => Promise<void>,
    private readonly log: Logger,
  ) {}

  watch(room: BoardRoom): void {
    let timer: NodeJS.Timeout | undefined;
    let last: string | undefined;
    const extract = () => {
      timer = undefined;
      const text = boardText(boardRecords(room.doc).values());
      if (text === last) return;
      last = text;
      const saved = this.save(room.boardId, text)
        .catch((err) => this.log.warn({ err, boardId: room.boardId }, 'search text not saved'))
        .finally(() => this.saving.delete(saved));
      this.saving.add(saved);
    };
    room.doc.on('update', () => {
      clearTimeout(timer);
      timer = setTimeout(extract, SETTLE_MS);
    });
    room.doc.on('destroy', () => {
      if (timer) {
        clearTimeout(timer);
        extract();
      }
    });
  }

  /** Resolves once every save started so far is written (graceful shutdown). */
  async settled(): Promise<void> {
    await Promise.all([...this.saving]);
  }
}
