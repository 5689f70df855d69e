import { Router } from 'express';
import { createSessionBody } from '../../shared/sessionSchemas.js';
import { sessionNotFound } from '../errors.js';
import { presentSession, type SessionService } from '../sessions/SessionService.js';
import { validateBody } from './validateBody.js';

export function sessionRoutes(sessions: SessionService): Router {
  const router = Router();

  router.post('/', async (req, res) => {
    const body = validateBody(createSessionBody, req.body);
    const session = await sessions.create(body);
    res.status(201).json(presentSession(session));
  });

  router.get('/', async (_req, res) => {
    const list = await sessions.list();
    res.json({ sessions: list.map(presentSession) });
  });

  router.get('/:id', async (req, res) => {
    const session = await sessions.get(req.params.id);
    if (!session) throw sessionNotFound();
    res.json(presentSession(session));
  });

  return router;
}
