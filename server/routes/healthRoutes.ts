import { Router } from 'express';
import type { EngineProbe } from '../engineProbe.js';

/** External engines: `disabled` when not configured (embedded mode), never a reason for 503. */
export interface HealthEngines {
  database: EngineProbe;
  redis: EngineProbe;
}

/** What health reads of the loaded boards (the board registry answers it). */
export interface LoadedBoards {
  failingBoards(): Promise<string[]>;
  readonly loadedCount: number;
}

export function healthRoutes(registry: LoadedBoards, engines: HealthEngines): Router {
  const router = Router();
  router.get('/', async (_req, res) => {
    const [failing, database, redis] = await Promise.all([
      registry.failingBoards(),
      engines.database(),
      engines.redis(),
    ]);
    const storage = failing.length === 0 ? 'ok' : 'degraded';
    const healthy = storage === 'ok' && database !== 'down' && redis !== 'down';
    res.status(healthy ? 200 : 503).json({
      status: healthy ? 'ok' : 'degraded',
      storage: { status: storage, failingBoards: failing.length },
      database: { status: database },
      redis: { status: redis },
      boardsLoaded: registry.loadedCount,
    });
  });
  return router;
}
