/**
 * Sessions and the people holding their tokens: the domain's types. Storage persists them
 * (storage/SessionStore.ts); the sessions service decides how they change.
 */
import type { College, Role, SessionStatus } from '../../shared/roles.js';
import type { SessionDescription } from '../../shared/sessionSchemas.js';
import type { Step } from '../../shared/facilitation.js';

/** Someone holding a token for a session: a person, or a shared role link. */
export interface ParticipantRecord {
  id: string;
  role: Role;
  /** SHA-256 of the token: the token itself is never stored. */
  tokenHash: string;
  pseudonym: string;
  college: College | null;
  createdAt: string;
  revokedAt: string | null;
}

/** Session metadata, as stored. Boards themselves live in the BoardStore. */
export interface SessionRecord {
  id: string;
  title: string;
  createdAt: string;
  updatedAt: string;
  joinCode: string;
  status: SessionStatus;
  colorByCollege: boolean;
  /** Absent on sessions created before the option existed (off). */
  everyoneEditsNotes?: boolean;
  participants: ParticipantRecord[];
  description: SessionDescription;
  published: boolean;
  publishedAt: string | null;
  /** Every note's text, kept up to date from the board, so search never loads boards. */
  contentText: string;
  /** Templates drawn on the board, in order; absent on sessions created before templates existed. */
  templateIds?: string[];
  /** How many participants deleted their contributions (« Supprimer mes contributions »); absent: none. */
  contributionsWithdrawn?: number;
  /** When the retention purge removed author ids from the board and unrevealed private notes; absent: not yet. */
  authorsForgottenAt?: string;
  /**
   * The déroulé, its one home: the steps of every canvas drawn, in order, as the facilitator edited them.
   * Absent on sessions created before templates existed.
   */
  steps?: Step[];
  /** The project (« démarche ») the session is a workshop of; absent on sessions outside any. */
  projectId?: string | null;
}
