/**
 * Wires one Trame server: express on /api, socket.io on /socket.io and the
 * Yjs sync endpoint on /yjs, all on one HTTP server. Everything hangs off the
 * returned object (no module state), so tests run several servers at once.
 */
import { existsSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { Server as SocketServer } from 'socket.io';
import type { Config } from './config.js';
import { Boards } from './board/Boards.js';
import { BoardRegistry } from './collaboration/BoardRegistry.js';
import { attachYjsServer, type YjsServer } from './collaboration/attachYjsServer.js';
import { RecordRules } from './collaboration/RecordRules.js';
import { createLogger, type Logger } from './logger.js';
import { apiNotFound, errorHandler } from './routes/errorHandler.js';
import { AssetService } from './assets/AssetService.js';
import { UnusedImages } from './assets/UnusedImages.js';
import { assetEffects } from './assets/assetEffects.js';
import { assetRoutes } from './routes/assetRoutes.js';
import { mapRoutes } from './routes/mapRoutes.js';
import { pinsRoutes } from './routes/pinsRoutes.js';
import { canvasRoutes } from './routes/canvasRoutes.js';
import { boardRepairRoutes } from './routes/boardRepairRoutes.js';
import { clientRoutes } from './routes/clientRoutes.js';
import { healthRoutes } from './routes/healthRoutes.js';
import { cspReportRoute } from './http/cspReportRoute.js';
import { CSP_REPORT_PATH, securityHeaders } from './http/securityHeaders.js';
import { joinCodeThrottle, passwordThrottle } from './http/throttles.js';
import { PublishedBoards } from './bank/PublishedBoards.js';
import { bankRoutes } from './routes/bankRoutes.js';
import { BankProjects } from './bank/BankProjects.js';
import { exportRoutes } from './routes/exportRoutes.js';
import { ReportQueue } from './export/ReportQueue.js';
import { ReportRenderer } from './export/ReportRenderer.js';
import { ReportService } from './export/ReportService.js';
import { joinRoutes } from './routes/joinRoutes.js';
import { BoardTextIndexer } from './search/BoardTextIndexer.js';
import { authorizeBoard } from './sessions/authorizeBoard.js';
import { sessionRoutes } from './routes/sessionRoutes.js';
import { bankSuiteRoutes, suiteRoutes } from './routes/suiteRoutes.js';
import { suiteExportRoutes } from './routes/suiteExportRoutes.js';
import { presentPublicSuite, SuiteService } from './suites/SuiteService.js';
import { ProjectService } from './projects/ProjectService.js';
import { projectRoutes } from './routes/projectRoutes.js';
import { attachFacilitation } from './realtime/attachFacilitation.js';
import { facilitationFacts } from './realtime/facilitationFacts.js';
import { templateRoutes } from './routes/templateRoutes.js';
import { attachRealtime, type TrameIo } from './realtime/attachRealtime.js';
import { SessionService } from './sessions/SessionService.js';
import { boardEffects } from './collaboration/boardEffects.js';
import { bankReportEffects } from './export/bankReportEffects.js';
import { socketEffects } from './realtime/socketEffects.js';
import { SessionEventBus } from './sessions/SessionEventBus.js';
import type { SessionCommandContext } from './sessions/commands/SessionCommandContext.js';
import { sessionEffects } from './sessions/sessionEffects.js';
import { scheduleRetentionPurge } from './sessions/retentionPurge.js';
import { renderBaseUrl } from './export/renderBaseUrl.js';
import { startOnParticipantEdit } from './collaboration/startOnParticipantEdit.js';
import { WorkshopLifecycle } from './sessions/WorkshopLifecycle.js';
import { workshopEffects } from './realtime/workshopEffects.js';
import { createFanout } from './fanout/createFanout.js';
import { createStores, type Stores } from './storage/createStores.js';
import { countJoinAttempts } from './metrics/countJoinAttempts.js';
import { createMetrics } from './metrics/createMetrics.js';
import { metricsRoute } from './routes/metricsRoute.js';
import { TemplateImages } from './templates/TemplateImages.js';
import { TemplateLibrary } from './templates/TemplateLibrary.js';
import { loadBuiltInTemplates } from './templates/loadBuiltInTemplates.js';
import { API_PREFIX, SOCKET_IO_PATH, apiPaths } from '../shared/paths.js';

export interface TrameServer {
  httpServer: http.Server;
  io: TrameIo;
  yjs: YjsServer;
  registry: BoardRegistry;
  boards: Boards;
  sessions: SessionService;
  projects: ProjectService;
  /** Images no board shows any more (swept daily; tests run the sweep themselves). */
  unusedImages: UnusedImages;
  log: Logger;
  /** Starts listening; resolves with the bound port (useful with port 0). */
  listen(): Promise<number>;
  /** Stops accepting, closes sockets, writes every board to disk. */
  close(): Promise<void>;
}

/** What tests replace: the clock facilitation reads (timers are server epoch milliseconds), the stores' wrapping. */
export interface ServerDeps {
  now?: () => number;
  /** Wraps the stores once opened (a test counting reads through the real stores). */
  wrapStores?: (stores: Stores) => Stores;
}

export async function createServer(
  config: Config,
  log: Logger = createLogger(config),
  deps: ServerDeps = {},
): Promise<TrameServer> {
  const opened = await createStores(config, log);
  const stores = deps.wrapStores ? deps.wrapStores(opened) : opened;
  const { boardStore, sessionStore, facilitationStore } = stores;
  const fanout = createFanout(config, log);
  const sessions = new SessionService(sessionStore, boardStore);
  await sessions.open();
  const assets = new AssetService(stores.assetStore, { sessionQuotaBytes: config.assetSessionQuotaBytes, now: deps.now });
  // Sources are read at scrape time, once everything below exists.
  const metrics = createMetrics(
    {
      yjsConnections: () => yjs.connectionCount(),
      socketConnections: () => io.engine.clientsCount,
      boardsLoaded: () => registry.loadedCount,
      pdfQueueLength: () => reportQueue.waitingCount,
    },
    Boolean(config.metricsToken),
  );
  const templates = new TemplateLibrary(await loadBuiltInTemplates(), stores.templateStore);
  const templateImages = new TemplateImages(assets);
  const registry = new BoardRegistry(
    boardStore,
    {
      persistFlushIntervalMs: config.persistFlushIntervalMs,
      compactAfterBytes: config.compactAfterBytes,
      fanOutIntervalMs: config.fanOutIntervalMs,
      fanOutIntervalMaxMs: config.fanOutIntervalMaxMs,
      awarenessFlushIntervalMs: 50,
      largeRoomPeers: config.largeRoomPeers,
      crowdFlushIntervalMs: config.crowdFlushIntervalMs,
      crowdCursorsPerFlush: config.crowdCursorsPerFlush,
      rules: config.boardUpdateChecks ? new RecordRules() : null,
      maxBoardBytes: config.quotas.boardBytes,
      resentDeletionGraceMs: config.resentDeletionGraceMs,
      unloadGraceMs: config.boardUnloadGraceMs,
      metrics,
    },
    log,
    (room) => {
      boards.attach(room);
      startOnParticipantEdit(room, (id) => lifecycle.start(id), log);
    },
    fanout.relay,
  );

  const renderer = new ReportRenderer({
    chromiumPath: config.chromiumPath,
    timeoutMs: config.reportTimeoutMs,
    baseUrl: () => renderBaseUrl(httpServer.address() as AddressInfo),
    log,
    metrics,
  });
  const boards = new Boards(registry);
  const textIndexer = new BoardTextIndexer(boards, (id, text) => sessions.setContentText(id, text), log);
  const published = new PublishedBoards(boardStore, boards);
  const unusedImages = new UnusedImages({ assets, boards, published, log });
  const suites = new SuiteService({ store: stores.suiteStore, boards, facilitation: facilitationStore, now: deps.now });
  const projects = new ProjectService(stores.projectStore, sessions, deps.now);
  const reportQueue = new ReportQueue({ concurrency: config.reportConcurrency, maxWaiting: config.reportQueueMax });
  const reports = new ReportService({
    sessions,
    assets,
    boards,
    publishedRecords: async (id) => (await published.read(await sessions.require(id))).records,
    facilitation: async (id) => {
      const [stored, session] = await Promise.all([facilitationStore.get(id), sessions.get(id)]);
      return facilitationFacts(stored, session?.steps ?? []);
    },
    suites: async (id) => (await suites.list(id)).map(presentPublicSuite),
    renderer,
    queue: reportQueue,
    instanceName: config.instanceName,
    log,
  });

  const app = express();
  const httpServer = http.createServer(app);
  // engine.io would otherwise destroy /yjs upgrades it has not seen answered within a second.
  const io: TrameIo = new SocketServer(httpServer, {
    path: SOCKET_IO_PATH,
    destroyUpgrade: false,
    serveClient: false,
    adapter: fanout.ioAdapter,
  });
  const realtime = attachRealtime(io, sessions, log);
  const bus = new SessionEventBus(fanout.sessionEvents, log);
  const commands: SessionCommandContext = {
    sessions,
    bus,
    boards,
    assets,
    templateImages,
    published,
    suites,
    removeSessionData: async (sessionId) => {
      await published.unpublish(sessionId);
      await facilitationStore.delete(sessionId);
      await suites.deleteSession(sessionId);
      await assets.deleteSession(sessionId);
    },
  };
  const lifecycle = new WorkshopLifecycle(commands);
  const facilitation = attachFacilitation({
    lifecycle,
    io,
    store: facilitationStore,
    sessions,
    boards,
    log,
    bus,
    now: deps.now,
  });

  app.disable('x-powered-by');
  // Behind a reverse proxy, the client's address (throttling) comes from X-Forwarded-For, as far as trusted.
  app.set('trust proxy', config.trustProxy);
  const password = { expected: config.facilitatorPassword, throttle: passwordThrottle(log, fanout.throttleCounters) };
  app.use(securityHeaders({ https: config.publicUrl?.startsWith('https:') ?? false }));
  app.use(CSP_REPORT_PATH, cspReportRoute(log));
  // Answers depend on who asks and change at any moment: no cache, browser or proxy, keeps one.
  app.use(API_PREFIX, (_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  // Archives are imported with a larger limit on their own route.
  app.use(API_PREFIX, (req, res, next) =>
    req.path === '/sessions/import' || req.path === '/projects/import' ? next() : express.json({ limit: '5mb' })(req, res, next),
  );
  app.use(apiPaths.health, healthRoutes(registry, { database: stores.databaseStatus, redis: fanout.redisStatus }));
  app.get(apiPaths.config, (_req, res) =>
    res.json({
      tldrawLicenseKey: config.tldrawLicenseKey ?? null,
      passwordRequired: Boolean(config.facilitatorPassword),
      // For the information notice participants read before joining.
      privacy: { contact: config.privacyContact ?? null, retentionDays: config.retentionDays },
    }),
  );
  app.use(apiPaths.templates, templateRoutes(templates, sessions, boards, templateImages, password));
  app.use('/api/sessions/:id/board/repair', boardRepairRoutes(sessions, boards));
  app.use('/api/sessions/:id/canvases', canvasRoutes(sessions, templates, boards, templateImages, (id) => facilitation.refresh(id)));
  app.use('/api/sessions/:id/suites', suiteRoutes(sessions, suites));
  app.use('/api/bank/:id/suites', bankSuiteRoutes(sessions, suites));
  app.use('/api/sessions/:id/export', suiteExportRoutes({ sessions, suites, reports, boards }));
  app.use(
    '/api/sessions/:id/assets',
    assetRoutes({ sessions, assets, maxUploadBytes: config.assetMaxBytes }),
  );
  app.use(
    apiPaths.sessions,
    sessionRoutes({
      sessions,
      templates,
      password,
      publicUrl: config.publicUrl,
      connectedIds: realtime.connectedIds,
      commands,
      facilitation,
    }),
  );
  app.use(apiPaths.projects, projectRoutes({
      projects,
      sessions,
      boards,
      suites,
      assets,
      templates,
      password,
      commands,
      facilitation: facilitationStore,
      reports,
      instanceName: config.instanceName,
    }));
  app.use(apiPaths.sessions, exportRoutes({ sessions, reports, boards, assets }));
  app.use(apiPaths.sessions, pinsRoutes({ sessions, boards }));
  app.use(apiPaths.map, mapRoutes(config.mapTiles));
  app.use(apiPaths.bank, bankRoutes(sessions, reports, published, suites, new BankProjects({ projects, sessions, suites, boards })));
  app.use(apiPaths.join, countJoinAttempts(metrics));
  app.use(apiPaths.join, joinRoutes(sessions, joinCodeThrottle(log, fanout.throttleCounters), (sessionId) => void realtime.broadcastParticipants(sessionId)));
  app.use(API_PREFIX, apiNotFound);
  if (config.metricsToken) app.use('/metrics', metricsRoute(metrics.registry, config.metricsToken));
  if (config.clientDir && existsSync(config.clientDir)) app.use(clientRoutes(config.clientDir));
  app.use(errorHandler(log));

  const yjs = attachYjsServer(httpServer, {
    registry,
    log,
    limits: {
      maxMessageBytes: config.maxMessageBytes,
      quietKeepAliveMs: config.quietSocketKeepAliveMs,
      messagesPerSecond: config.messagesPerSecond,
      maxConnectionsPerBoard: config.maxConnectionsPerBoard,
      connectionsPerPrincipal: config.quotas.connectionsPerPrincipal,
      bytesPerMinute: config.quotas.bytesPerConnectionPerMinute,
      awarenessStates: config.quotas.awarenessStatesPerConnection,
      awarenessStateBytes: config.quotas.awarenessStateBytes,
    },
    authorize: authorizeBoard({
      sessions,
      livePolicy: (id) => facilitation.livePolicy(id),
    }),
  });

  const stopPurge = await scheduleRetentionPurge({
    sessions,
    boards,
    dropPrivateNotes: (sessionId) => facilitation.dropPrivateNotes(sessionId),
    forgetSuiteAuthors: (sessionId) => suites.forgetAuthors(sessionId),
    retentionDays: config.retentionDays,
    log,
  });
  // Not at start: the sweep loads every board holding images, which would slow a restart.
  const sweepImages = () =>
    unusedImages
      .sweep()
      .then((count) => count > 0 && log.info({ count }, 'unused images deleted'))
      .catch((err) => log.error({ err }, 'unused image sweep failed'));
  const imageSweepStart = setTimeout(() => {
    void sweepImages();
    imageSweepTimer = setInterval(sweepImages, 86_400_000);
    imageSweepTimer.unref();
  }, 10 * 60_000);
  imageSweepStart.unref();
  let imageSweepTimer: NodeJS.Timeout | undefined;

  bus.on(sessionEffects(sessions));
  bus.on(socketEffects(io, realtime, facilitation));
  bus.on(boardEffects(yjs, registry));
  bus.on(workshopEffects(facilitation, sessions));
  bus.on(assetEffects(unusedImages, sessions, log));
  if (config.clientDir) bus.on(bankReportEffects(reports));

  let closing: Promise<void> | undefined;
  return {
    httpServer,
    io,
    yjs,
    registry,
    boards,
    sessions,
    projects,
    unusedImages,
    log,
    listen: () =>
      new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(config.port, config.host, () => {
          httpServer.off('error', reject);
          if (config.reportPrewarm && config.clientDir) renderer.warmUp().catch((err) => log.warn({ err }, 'PDF renderer not prewarmed'));
          resolve((httpServer.address() as AddressInfo).port);
        });
      }),
    close: () => {
      closing ??= (async () => {
        stopPurge();
        clearTimeout(imageSweepStart);
        clearInterval(imageSweepTimer);
        await renderer.close();
        await yjs.close();
        await new Promise<void>((resolve) => io.close(() => resolve()));
        httpServer.closeAllConnections();
        await registry.closeAll();
        await textIndexer.settled();
        await boardStore.close();
        await fanout.close();
        await stores.close();
      })();
      return closing;
    },
  };
}
