import { Router } from 'express';
import { suiteCreateSchema, suitePatchSchema, suiteStatusSchema } from '../../shared/suites.js';
import { sessionNotFound } from '../errors.js';
import type { SessionService } from '../sessions/SessionService.js';
import { presentPublicSuite, presentSuite, type SuiteService } from '../suites/SuiteService.js';
import { authenticate, requireFacilitator } from './authenticate.js';
import { validateBody } from './validateBody.js';

/**
 * `/api/sessions/:id/suites`: facilitators (and co-facilitators) make suites from notes, edit them and change
 * their status, at any time; a participant reads, from their own link, the suites of the notes they wrote.
 */
export function suiteRoutes(sessions: SessionService, suites: SuiteService): Router {
  const router = Router({ mergeParams: true });
  const sessionOf = (req: { params: unknown }) => (req.params as { id: string }).id;

  router.get('/', async (req, res) => {
    const sessionId = sessionOf(req);
    await requireFacilitator(req, sessions, sessionId);
    res.json({ suites: (await suites.list(sessionId)).map(presentSuite) });
  });

  router.get('/mine', async (req, res) => {
    const sessionId = sessionOf(req);
    await sessions.require(sessionId);
    const principal = await authenticate(req, sessions, sessionId);
    const mine = (await suites.list(sessionId)).filter((s) => s.authorIds.includes(principal.participantId));
    res.json({ suites: mine.map(presentPublicSuite) });
  });

  router.post('/', async (req, res) => {
    const sessionId = sessionOf(req);
    await requireFacilitator(req, sessions, sessionId);
    const suite = await suites.create(sessionId, validateBody(suiteCreateSchema, req.body));
    res.status(201).json(presentSuite(suite));
  });

  router.patch('/:suiteId', async (req, res) => {
    const sessionId = sessionOf(req);
    await requireFacilitator(req, sessions, sessionId);
    const suite = await suites.edit(sessionId, req.params.suiteId, validateBody(suitePatchSchema, req.body));
    res.json(presentSuite(suite));
  });

  router.post('/:suiteId/status', async (req, res) => {
    const sessionId = sessionOf(req);
    await requireFacilitator(req, sessions, sessionId);
    const suite = await suites.setStatus(sessionId, req.params.suiteId, validateBody(suiteStatusSchema, req.body));
    res.json(presentSuite(suite));
  });

  router.delete('/:suiteId', async (req, res) => {
    const sessionId = sessionOf(req);
    await requireFacilitator(req, sessions, sessionId);
    await suites.remove(sessionId, req.params.suiteId);
    res.status(204).end();
  });

  return router;
}

/** `/api/bank/:id/suites`: « Ce que nous avons fait de vos idées », for anyone, once the session is published. */
export function bankSuiteRoutes(sessions: SessionService, suites: SuiteService): Router {
  const router = Router({ mergeParams: true });
  router.get('/', async (req, res) => {
    const session = await sessions.get((req.params as { id: string }).id);
    if (!session?.published) throw sessionNotFound();
    res.json({ suites: (await suites.list(session.id)).map(presentPublicSuite) });
  });
  return router;
}
