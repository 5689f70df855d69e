import { CloseCode } from '../../shared/closeCodes.js';
import { COLLEGE_HEX, FACILITATOR_HEX } from '../../shared/roles.js';
import type { AuthorizeResult } from '../collaboration/attachYjsServer.js';
import type { SessionPolicy } from './SessionPolicy.js';
import type { SessionService } from './SessionService.js';

/**
 * Who may open `/yjs/<sessionId>`, decided before the upgrade completes: a
 * session token (editing as its role and the session's live policy allow).
 * Bank visitors never open a live board: they read the published copy over
 * HTTP (server/bank). The PDF renderer never opens a board either: it is
 * handed the report's data.
 */
export function authorizeBoard(deps: {
  sessions: SessionService;
  livePolicy: (sessionId: string) => Promise<SessionPolicy>;
}) {
  return async (boardId: string, params: URLSearchParams): Promise<AuthorizeResult> => {
    const session = await deps.sessions.get(boardId);
    if (!session) return { ok: false, code: CloseCode.UnknownBoard, reason: 'unknown board' };
    const principal = await deps.sessions.access.resolveToken(boardId, params.get('token'));
    if (!principal) return { ok: false, code: CloseCode.Unauthorized, reason: 'invalid token' };
    const policy = await deps.livePolicy(boardId);
    return {
      ok: true,
      access: {
        principalId: principal.participantId,
        college: principal.college,
        presence: {
          userId: `user:${principal.participantId}`,
          name: principal.pseudonym,
          color: principal.college ? COLLEGE_HEX[principal.college] : FACILITATOR_HEX,
        },
        editRefusal: () => policy.editRefusal(principal),
        mayArrangeCanvases: principal.role === 'facilitator',
        editsEveryone: () => policy.everyoneEditsNotes,
      },
    };
  };
}
