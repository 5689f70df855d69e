import { Router } from 'express';
import { joinBody, type JoinInfo } from '../../shared/sessionSchemas.js';
import type { SessionService } from '../sessions/SessionService.js';
import { validateBody } from './validateBody.js';

export function joinRoutes(sessions: SessionService, onJoined: (sessionId: string) => void): Router {
  const router = Router();

  router.get('/:code', async (req, res) => {
    const session = await sessions.findByJoinCode(req.params.code);
    const info: JoinInfo = { sessionId: session.id, title: session.title, status: session.status };
    res.json(info);
  });

  router.post('/', async (req, res) => {
    const body = validateBody(joinBody, req.body);
    const session = await sessions.findByJoinCode(body.code);
    const grant = await sessions.access.join(session.id, body.pseudonym, body.college);
    onJoined(grant.sessionId);
    res.status(201).json(grant);
  });

  return router;
}
