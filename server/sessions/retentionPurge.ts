/**
 * What the retention period removes (RETENTION_DAYS, README « Retention », docs/RGPD.md), at start and then
 * daily: in sessions created longer ago, people's names (participants' pseudonyms, the facilitator's name),
 * the author ids on the board (Trame's and tldraw's last editor of a note) and on the suites made from its
 * notes, and private notes never revealed.
 * What the workshop said stays, without who said it. Each board is rewritten once (`authorsForgottenAt`).
 */
import type { Boards } from '../board/Boards.js';
import type { Logger } from '../logger.js';
import type { SessionService } from './SessionService.js';

const DAY_MS = 86_400_000;

export interface RetentionDeps {
  sessions: SessionService;
  boards: Pick<Boards, 'forgetAuthors'>;
  /** Removes a session's unrevealed private notes (the facilitation service); how many. */
  dropPrivateNotes(sessionId: string): Promise<number>;
  /** Removes who wrote the notes a session's suites were made from (the suites service). */
  forgetSuiteAuthors(sessionId: string): Promise<void>;
  retentionDays: number;
  log: Logger;
}

export interface Purged {
  pseudonyms: number;
  boards: number;
  privateNotes: number;
}

export async function purgeExpired(deps: RetentionDeps, now = Date.now()): Promise<Purged> {
  const before = new Date(now - deps.retentionDays * DAY_MS);
  const purged: Purged = { pseudonyms: await deps.sessions.access.purgePseudonyms(before), boards: 0, privateNotes: 0 };
  for (const sessionId of await deps.sessions.access.authorsToForget(before)) {
    try {
      await deps.boards.forgetAuthors(sessionId);
      purged.privateNotes += await deps.dropPrivateNotes(sessionId);
      await deps.forgetSuiteAuthors(sessionId);
      await deps.sessions.access.markAuthorsForgotten(sessionId);
      purged.boards += 1;
    } catch (err) {
      // One unreadable board does not keep the others' authors: it is tried again at the next run.
      deps.log.error({ err, sessionId }, 'retention purge failed for a session');
    }
  }
  return purged;
}

/** Runs the purge now and every day; returns what stops it. */
export async function scheduleRetentionPurge(deps: RetentionDeps): Promise<() => void> {
  const run = () =>
    purgeExpired(deps)
      .then((purged) => {
        if (purged.pseudonyms + purged.boards > 0) deps.log.info(purged, 'people purged from old sessions');
      })
      .catch((err) => deps.log.error({ err }, 'retention purge failed'));
  await run();
  const timer = setInterval(run, DAY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
