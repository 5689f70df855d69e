import { boardText } from '../../shared/boardContent.js';
import type { Boards, LiveRecords } from '../board/Boards.js';
import type { Logger } from '../logger.js';

const SETTLE_MS = 2_000;

/**
 * Keeps sessions' searchable text in step with their boards: once a board's
 * edits settle (or it is unloaded), its notes' text is extracted and saved if
 * it changed, so the index is updated per board and never rebuilt. Boards are
 * followed through the Boards service, which tells of every loaded board's changes.
 */
export class BoardTextIndexer {
  private readonly saving = new Set<Promise<void>>();
  private readonly pending = new Map<string, NodeJS.Timeout>();
  /** The last text saved per board, so an unchanged board costs no write. */
  private readonly last = new Map<string, string>();

  constructor(
    boards: Boards,
    private readonly save: (sessionId: string, text: string) => Promise<void>,
    private readonly log: Logger,
  ) {
    boards.watch({
      changed: (boardId) => {
        clearTimeout(this.pending.get(boardId));
        this.pending.set(
          boardId,
          setTimeout(() => {
            this.pending.delete(boardId);
            boards.readLoaded(boardId, (records) => this.extract(boardId, records));
          }, SETTLE_MS),
        );
      },
      unloading: (boardId, records) => {
        const timer = this.pending.get(boardId);
        if (timer) {
          clearTimeout(timer);
          this.pending.delete(boardId);
          this.extract(boardId, records);
        }
        this.last.delete(boardId);
      },
    });
  }

  private extract(boardId: string, records: LiveRecords): void {
    const text = boardText(records.values());
    if (text === this.last.get(boardId)) return;
    this.last.set(boardId, text);
    const saved = this.save(boardId, text)
      .catch((err) => this.log.warn({ err, boardId }, 'search text not saved'))
      .finally(() => this.saving.delete(saved));
    this.saving.add(saved);
  }

  /** Resolves once every save started so far is written (graceful shutdown). */
  async settled(): Promise<void> {
    await Promise.all([...this.saving]);
  }
}
