import { Router, type Request } from 'express';
import { joinBody, type JoinInfo } from '../../shared/sessionSchemas.js';
import { ApiError } from '../errors.js';
import type { AttemptThrottle } from '../http/AttemptThrottle.js';
import type { SessionService } from '../sessions/SessionService.js';
import type { SessionRecord } from '../sessions/sessionRecord.js';
import { clientAddress } from './authenticate.js';
import { validateBody } from './validateBody.js';

/**
 * Joining by code. Every lookup of a code goes through the throttle: a code
 * that leads nowhere (unknown, or a finished session) counts as a failure
 * against the client; right codes never do, so a whole room behind one
 * address gets in.
 */
export function joinRoutes(sessions: SessionService, throttle: AttemptThrottle, onJoined: (sessionId: string) => void): Router {
  const router = Router();

  const lookUp = async (req: Request, code: string): Promise<SessionRecord> => {
    const client = clientAddress(req);
    await throttle.check(client);
    try {
      return await sessions.findByJoinCode(code);
    } catch (err) {
      if (err instanceof ApiError && err.status < 500) await throttle.fail(client, { outcome: err.code });
      throw err;
    }
  };

  router.get('/:code', async (req, res) => {
    const session = await lookUp(req, req.params.code);
    const info: JoinInfo = { sessionId: session.id, title: session.title, status: session.status };
    res.json(info);
  });

  router.post('/', async (req, res) => {
    const body = validateBody(joinBody, req.body);
    const session = await lookUp(req, body.code);
    const grant = await sessions.access.join(session.id, body.pseudonym, body.college);
    onJoined(grant.sessionId);
    res.status(201).json(grant);
  });

  return router;
}
