import type { BoardRefusal } from '../../shared/boardRefusals.js';
import type { College } from '../../shared/roles.js';

/** What a connection may do on a board, decided before its WebSocket upgrade completes. */
export interface BoardAccess {
  /** Why this connection may not edit right now (an observer, a paused or closed session); null when it may. */
  editRefusal: () => BoardRefusal | null;
  /** Facilitators may change anything on the board, unchecked; everyone else's edits go through RecordRules. */
  mayArrangeCanvases: boolean;
  /** Who is connected, for logs, for closing a removed participant's sockets, and stamped on what they write. */
  principalId: string;
  college: College | null;
  /** Report renderers and bank visitors: no token, so no per-token connection quota. */
  anonymous?: boolean;
  /** The session option « tout le monde peut modifier les notes de tous », read on every update. */
  editsEveryone: () => boolean;
}
