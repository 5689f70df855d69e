import { Router } from 'express';
import type { BoardRegistry } from '../collaboration/BoardRegistry.js';

export function healthRoutes(registry: BoardRegistry): Router {
  const router = Router();
  router.get('/', async (_req, res) => {
    const failing = await registry.failingBoards();
    const storage = failing.length === 0 ? 'ok' : 'degraded';
    res.status(storage === 'ok' ? 200 : 503).json({
      status: storage,
      storage: { status: storage, failingBoards: failing.length },
      boardsLoaded: registry.loadedCount,
    });
  });
  return router;
}
