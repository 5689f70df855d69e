import type { BoardRefusal } from '../../shared/boardRefusals.js';
import type { College } from '../../shared/roles.js';
import type { StampedIdentity } from './stampPresence.js';

/** What a connection may do on a board, decided before its WebSocket upgrade completes. */
export interface BoardAccess {
  /** Why this connection may not edit right now (an observer, a paused or closed session); null when it may. */
  editRefusal: () => BoardRefusal | null;
  /** Facilitators may change anything on the board, unchecked; everyone else's edits go through RecordRules. */
  mayArrangeCanvases: boolean;
  /** Who is connected, for logs, for closing a removed participant's sockets, and stamped on what they write. */
  principalId: string;
  college: College | null;
  /** The cursor's name and colour, from the token's principal; null for those who show no cursor and see none. */
  presence: StampedIdentity | null;
  /** The session option « tout le monde peut modifier les notes de tous », read on every update. */
  editsEveryone: () => boolean;
}
