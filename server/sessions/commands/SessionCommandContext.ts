import type { AssetService } from '../../assets/AssetService.js';
import type { PublishedBoards } from '../../bank/PublishedBoards.js';
import type { Boards } from '../../board/Boards.js';
import type { SuiteService } from '../../suites/SuiteService.js';
import type { TemplateImages } from '../../templates/TemplateImages.js';
import type { SessionEventBus } from '../SessionEventBus.js';
import type { SessionService } from '../SessionService.js';

/** What the session lifecycle commands work with: persistence, and the bus their one event goes on. */
export interface SessionCommandContext {
  sessions: SessionService;
  bus: SessionEventBus;
  /** Live boards: duplicates copy one, a withdrawing participant's shapes leave one. */
  boards: Pick<Boards, 'duplicate' | 'removeContributionsOf'>;
  /** Images follow their board when a session is duplicated or imported. */
  assets: Pick<AssetService, 'copySession' | 'prepareImport'>;
  /** A new board drawing templates gets copies of the images their zones lie on. */
  templateImages: Pick<TemplateImages, 'copyToSession'>;
  /** The bank's anonymised copies of published boards. */
  published: Pick<PublishedBoards, 'publish' | 'unpublish'>;
  /** Suites (« droit de suite »): those made from a withdrawing participant's notes lose them. */
  suites: Pick<SuiteService, 'withdraw'>;
  /** Removes what else a session owns (facilitation state, images) once the session itself is gone. */
  removeSessionData(sessionId: string): Promise<void>;
}
