/**
 * Chooses the storage engine: files in the data folder by default, or
 * PostgreSQL when `DATABASE_URL` is set (schema migrated before anything
 * else touches it).
 */
import pg from 'pg';
import type { Config } from '../config.js';
import { disabledEngine, engineProbe, type EngineProbe } from '../engineProbe.js';
import type { Logger } from '../logger.js';
import type { AssetStore } from './AssetStore.js';
import type { BoardStore } from './BoardStore.js';
import type { FacilitationStore } from './FacilitationStore.js';
import { FileAssetStore } from './FileAssetStore.js';
import { FileBoardStore } from './FileBoardStore.js';
import { LowFacilitationStore } from './LowFacilitationStore.js';
import { LowSessionStore } from './LowSessionStore.js';
import { LowTemplateStore } from './LowTemplateStore.js';
import { PgAssetStore } from './PgAssetStore.js';
import { PgBoardStore } from './PgBoardStore.js';
import { PgFacilitationStore } from './PgFacilitationStore.js';
import { PgSessionStore } from './PgSessionStore.js';
import { PgSuiteStore } from './PgSuiteStore.js';
import { LowSuiteStore } from './LowSuiteStore.js';
import type { SuiteStore } from './SuiteStore.js';
import { LowProjectStore } from './LowProjectStore.js';
import { PgProjectStore } from './PgProjectStore.js';
import type { ProjectStore } from './ProjectStore.js';
import { PgTemplateStore } from './PgTemplateStore.js';
import { runMigrations } from './runMigrations.js';
import { moveEmbeddedSteps } from './stepsToSessions.js';
import type { SessionStore } from './SessionStore.js';
import type { TemplateStore } from './TemplateStore.js';

export interface Stores {
  boardStore: BoardStore;
  sessionStore: SessionStore;
  facilitationStore: FacilitationStore;
  templateStore: TemplateStore;
  /** What became of each idea (« suites »), per session. */
  suiteStore: SuiteStore;
  /** Projects (« démarches ») gathering several sessions. */
  projectStore: ProjectStore;
  /** Images on boards: files under the data folder, or PostgreSQL; never the metadata JSON. */
  assetStore: AssetStore;
  /** PostgreSQL's reachability; `disabled` for the embedded engine. */
  databaseStatus: EngineProbe;
  close(): Promise<void>;
}

export async function createStores(config: Pick<Config, 'dataDir' | 'databaseUrl'>, log: Logger): Promise<Stores> {
  if (!config.databaseUrl) {
    if (await moveEmbeddedSteps(config.dataDir)) log.info('déroulés déplacés dans les fiches des ateliers');
    const boardStore = new FileBoardStore(config.dataDir);
    return {
      boardStore,
      sessionStore: await LowSessionStore.open(config.dataDir),
      facilitationStore: await LowFacilitationStore.open(config.dataDir),
      templateStore: await LowTemplateStore.open(config.dataDir),
      suiteStore: await LowSuiteStore.open(config.dataDir),
      projectStore: await LowProjectStore.open(config.dataDir),
      assetStore: new FileAssetStore(config.dataDir),
      databaseStatus: disabledEngine,
      close: () => boardStore.close(),
    };
  }
  const pool = createPool(config.databaseUrl, log);
  try {
    const applied = await runMigrations(pool);
    if (applied.length > 0) log.info({ applied }, 'schéma PostgreSQL mis à jour');
  } catch (error) {
    await pool.end();
    throw new Error(`PostgreSQL inaccessible ou schéma impossible à migrer : ${(error as Error).message}`, {
      cause: error,
    });
  }
  return {
    boardStore: new PgBoardStore(pool),
    sessionStore: new PgSessionStore(pool),
    facilitationStore: new PgFacilitationStore(pool),
    templateStore: new PgTemplateStore(pool),
    suiteStore: new PgSuiteStore(pool),
    projectStore: new PgProjectStore(pool),
    assetStore: new PgAssetStore(pool),
    databaseStatus: engineProbe('PostgreSQL', () => pool.query('SELECT 1'), log),
    close: () => pool.end(),
  };
}

export function createPool(databaseUrl: string, log: Logger): pg.Pool {
  const pool = new pg.Pool({ connectionString: databaseUrl, connectionTimeoutMillis: 5_000 });
  // An idle client losing its server emits here; without a listener the process would crash.
  pool.on('error', (err) => log.error({ err }, 'connexion PostgreSQL perdue'));
  return pool;
}
