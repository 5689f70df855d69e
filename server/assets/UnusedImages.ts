/**
 * Images taken off a board are deleted from storage, not kept forever: a
 * photo removed because it showed someone's face, or a plan replaced, must
 * really go. An image counts as used while the live board or the bank's
 * published copy shows it. The purge runs when a workshop closes (nobody
 * edits any more, so no undo can bring the image back) and in the daily
 * sweep, which leaves a day for an undo in a workshop still running.
 */
import type { PublishedBoards } from '../bank/PublishedBoards.js';
import type { Boards } from '../board/Boards.js';
import type { Logger } from '../logger.js';
import type { AssetService } from './AssetService.js';
import { imagesInUse } from './imagesInUse.js';

/** An upload's record reaches the board within seconds; this leaves room for a slow phone. */
export const UPLOAD_GRACE_MS = 10 * 60_000;
/** In a workshop still open, an image removed less than a day ago may come back by undo. */
export const SWEEP_GRACE_MS = 24 * 3_600_000;

export class UnusedImages {
  constructor(
    private readonly deps: { assets: AssetService; boards: Boards; published: PublishedBoards; log: Logger },
  ) {}

  /** Deletes the session's images its boards no longer show; returns how many went. */
  async purge(sessionId: string, graceMs: number): Promise<number> {
    const { assets, boards, published } = this.deps;
    // Reading a board decodes it on the event loop (half a second for a large imported one): only when needed.
    if (!(await assets.hasImages(sessionId))) return 0;
    const records = [...(await boards.records(sessionId)), ...((await published.existingRecords(sessionId)) ?? [])];
    return assets.deleteUnused(sessionId, imagesInUse(records, sessionId), graceMs);
  }

  /** Every session with images; one that fails (board missing, storage down) is logged and the others go on. */
  async sweep(): Promise<number> {
    let deleted = 0;
    for (const sessionId of await this.deps.assets.sessionsWithImages()) {
      try {
        deleted += await this.purge(sessionId, SWEEP_GRACE_MS);
      } catch (err) {
        this.deps.log.warn({ err, sessionId }, 'unused images not purged');
      }
    }
    return deleted;
  }
}
