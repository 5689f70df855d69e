/**
 * The only reader of `process.env`. Every setting has a documented default
 * (see the README's configuration table); tests build a config directly.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { ASSET_UPLOAD_MAX_BYTES } from '../shared/limits.js';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  tldrawLicenseKey: string | undefined;
  /** When set, creating a session requires it. */
  facilitatorPassword: string | undefined;
  /** Express's `trust proxy`: which proxies' X-Forwarded-For to believe (client addresses for throttling). */
  trustProxy: boolean | number | string;
  /** The address participants reach (behind a proxy); otherwise taken from each request. */
  publicUrl: string | undefined;
  /** PostgreSQL for boards and metadata (several instances); unset: files in `dataDir`. */
  databaseUrl: string | undefined;
  /** Redis for live fan-out between instances; unset: one instance only. */
  redisUrl: string | undefined;
  logLevel: (typeof LOG_LEVELS)[number];
  /** Where the built client lives; absent in API-only tests. */
  clientDir: string | undefined;
  /** How long an unused board stays in memory after its last client leaves. */
  boardUnloadGraceMs: number;
  /** How often buffered board updates are written to disk. */
  persistFlushIntervalMs: number;
  /** At 100 peers, the shortest time between two updates sent to each peer (proportional to the room's size). */
  fanOutIntervalMs: number;
  /** Where that proportional growth stops; beyond, the interval follows the measured cost of a fan-out. */
  fanOutIntervalMaxMs: number;
  /** From this many connections on a board, participants receive the facilitators' cursors and a few others' (`LARGE_ROOM_PEERS`). */
  largeRoomPeers: number;
  /** In such a room, how often participants receive cursors and how many besides the facilitators'. */
  crowdFlushIntervalMs: number;
  crowdCursorsPerFlush: number;
  /**
   * How long a deletion a reconnecting client sends back, of a record its participant may not delete (someone
   * else's, deleted by its author before a restart), waits for its author's client before being refused.
   */
  resentDeletionGraceMs: number;
  /** Compact a board's update log into a snapshot beyond this size. */
  compactAfterBytes: number;
  maxMessageBytes: number;
  /**
   * A socket that receives no cursors (a phone's list) is sent an empty message after this long without any:
   * the stock y-websocket client reconnects after 30 s of silence.
   */
  quietSocketKeepAliveMs: number;
  maxConnectionsPerBoard: number;
  /** Per connection: messages allowed per second (burst = twice this). */
  messagesPerSecond: number;
  /** Board quotas (issue 15): see server/collaboration/ for where each is enforced. */
  quotas: BoardQuotas;
  /** Checks of participants' board updates; off only to measure their cost (`BOARD_UPDATE_CHECKS=off`). */
  boardUpdateChecks: boolean;
  /** Who participants write to about their data (shown in the notice at join); unset: the facilitator. */
  privacyContact: string | undefined;
  /** Names, author ids on the board and unrevealed private notes are purged from sessions older than this. */
  retentionDays: number;
  /** Headless Chromium for PDF reports. */
  chromiumPath: string;
  reportTimeoutMs: number;
  reportConcurrency: number;
  /** Largest image file accepted for a board. */
  assetMaxBytes: number;
  /** Stored images (re-encoded, with thumbnails) per session. */
  assetSessionQuotaBytes: number;
  /** Bearer token for `GET /metrics`; unset: no metrics endpoint. */
  metricsToken: string | undefined;
  /** Renders that may wait, per kind (facilitators, bank visitors); beyond it: 503 with Retry-After. */
  reportQueueMax: number;
  /** This instance's name, as the PDF report's author (« Trame — Ville de Lumbres »). */
  instanceName: string;
  /** Start Chromium and load the report page at startup, so the first export does not wait for them (~150 MB kept). */
  reportPrewarm: boolean;
  /** A PMTiles vector tile file of the territory, served for map backgrounds; unset: plans as images only. */
  mapTiles: string | undefined;
}

export interface BoardQuotas {
  /** Board sockets one token may hold at once; the next is refused with 4430 (its own, final). */
  connectionsPerPrincipal: number;
  /** Bytes one board socket may send in a minute; beyond it closes with 4421 (the client retries later). */
  bytesPerConnectionPerMinute: number;
  /** Beyond this size (stored state plus what was added since), participants' additions are refused. */
  boardBytes: number;
  /** Awareness states one socket may announce (a reconnecting client briefly has two). */
  awarenessStatesPerConnection: number;
  awarenessStateBytes: number;
}

export const defaultConfig: Config = {
  port: 3000,
  host: '0.0.0.0',
  dataDir: path.resolve('data'),
  tldrawLicenseKey: undefined,
  facilitatorPassword: undefined,
  publicUrl: undefined,
  trustProxy: false,
  databaseUrl: undefined,
  redisUrl: undefined,
  logLevel: 'info',
  clientDir: path.resolve('dist/client'),
  boardUnloadGraceMs: 30_000,
  persistFlushIntervalMs: 250,
  fanOutIntervalMs: 10,
  // Reached at 500 people: the proportional 200 ms at 2,000 was most of each edit's delay. At 1,000 people, 50 ms
  // (with a batch sent in at most a third of the interval) gave p95 120 ms where 80 ms (a fifth) gave 200–300 ms.
  fanOutIntervalMaxMs: 50,
  // Mural switches to a crowd mode from 500; at 300, every cursor to every phone is already 64 KB/s each.
  largeRoomPeers: 300,
  // 5 Hz for the facilitator's cursor; 15 others a flush keep a phone's cursors near 20 KB/s.
  crowdFlushIntervalMs: 200,
  crowdCursorsPerFlush: 15,
  // The stock client retries within 2.5 s of a restart: the authors of lost deletions are back well before.
  resentDeletionGraceMs: 30_000,
  compactAfterBytes: 1_000_000,
  maxMessageBytes: 2_000_000,
  quietSocketKeepAliveMs: 15_000,
  // A plenary of 2,000 on one board is measured (bench/largeRoom.ts); the cap keeps room above it for reconnections.
  maxConnectionsPerBoard: 2_500,
  messagesPerSecond: 200,
  quotas: {
    connectionsPerPrincipal: 8,
    bytesPerConnectionPerMinute: 20_000_000,
    boardBytes: 30_000_000,
    awarenessStatesPerConnection: 2,
    awarenessStateBytes: 2_048,
  },
  boardUpdateChecks: true,
  retentionDays: 365,
  privacyContact: undefined,
  chromiumPath: '/usr/bin/chromium',
  // A render is handed its data: 20 s is several times the largest report measured (bench/pdfReport.ts).
  reportTimeoutMs: 20_000,
  reportConcurrency: 1,
  assetMaxBytes: ASSET_UPLOAD_MAX_BYTES,
  assetSessionQuotaBytes: 200_000_000,
  metricsToken: undefined,
  reportQueueMax: 8,
  instanceName: 'Trame',
  reportPrewarm: false,
  mapTiles: undefined,
};

/**
 * With several instances an edit reaches the others only once stored (store,
 * then publish): the bench measured ~300 ms p95 across instances at 250 ms,
 * so relayed boards are written far more often by default.
 */
const RELAYED_FLUSH_INTERVAL_MS = 25;

const int = (min: number) => z.coerce.number().int().min(min);

const envSchema = z.object({
  PORT: int(0).max(65_535).optional(),
  HOST: z.string().min(1).optional(),
  DATA_DIR: z.string().min(1).optional(),
  TLDRAW_LICENSE_KEY: z.string().min(1).optional(),
  FACILITATOR_PASSWORD: z.string().min(1).optional(),
  TRUST_PROXY: z.string().min(1).optional(),
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: 'attendu postgres://utilisateur@hôte:5432/base' }).optional(),
  REDIS_URL: z.url({ protocol: /^rediss?$/, error: 'attendu redis://hôte:6379' }).optional(),
  LOG_LEVEL: z.enum(LOG_LEVELS).optional(),
  BOARD_UNLOAD_GRACE_MS: int(0).optional(),
  PERSIST_FLUSH_INTERVAL_MS: int(10).max(1_000).optional(),
  COMPACT_AFTER_BYTES: int(1_024).optional(),
  MAX_MESSAGE_BYTES: int(1_024).optional(),
  MAX_CONNECTIONS_PER_BOARD: int(1).optional(),
  LARGE_ROOM_PEERS: int(1).optional(),
  MESSAGES_PER_SECOND: int(1).optional(),
  MAX_CONNECTIONS_PER_PRINCIPAL: int(1).optional(),
  MAX_BYTES_PER_CONNECTION_PER_MINUTE: int(1_024).optional(),
  MAX_BOARD_BYTES: int(1_024).optional(),
  BOARD_UPDATE_CHECKS: z.enum(['on', 'off']).optional(),
  RETENTION_DAYS: int(1).optional(),
  PRIVACY_CONTACT: z.string().min(3).max(200).optional(),
  CHROMIUM_PATH: z.string().min(1).optional(),
  REPORT_TIMEOUT_MS: int(1_000).optional(),
  REPORT_CONCURRENCY: int(1).max(8).optional(),
  ASSET_MAX_BYTES: int(10_000).max(ASSET_UPLOAD_MAX_BYTES).optional(),
  ASSET_SESSION_QUOTA_BYTES: int(100_000).optional(),
  METRICS_TOKEN: z.string().min(16, { error: '16 caractères au moins' }).optional(),
  REPORT_QUEUE_MAX: int(0).max(1_000).optional(),
  INSTANCE_NAME: z.string().trim().min(1).max(120).optional(),
  REPORT_PREWARM: z.enum(['0', '1', 'true', 'false'], { error: '1 ou 0 attendu' }).optional(),
  MAP_TILES: z
    .string()
    .regex(/\.pmtiles$/, { error: 'attendu le chemin d’un fichier .pmtiles' })
    .refine((file) => existsSync(file), { error: 'fichier introuvable' })
    .optional(),
});

/** Reads the environment; throws with every faulty variable named. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable counts as unset: compose files and env files write `METRICS_TOKEN=` for "none".
  const parsed = envSchema.safeParse(Object.fromEntries(Object.entries(env).filter(([, value]) => value !== '')));
  if (!parsed.success) {
    const details = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Configuration invalide : ${details}`);
  }
  const e = parsed.data;
  if (e.REDIS_URL && !e.DATABASE_URL) {
    // Instances sharing live edits must share the stored boards too.
    throw new Error('Configuration invalide : REDIS_URL demande aussi DATABASE_URL (PostgreSQL).');
  }
  return {
    ...defaultConfig,
    port: e.PORT ?? defaultConfig.port,
    host: e.HOST ?? defaultConfig.host,
    dataDir: e.DATA_DIR ? path.resolve(e.DATA_DIR) : defaultConfig.dataDir,
    tldrawLicenseKey: e.TLDRAW_LICENSE_KEY,
    facilitatorPassword: e.FACILITATOR_PASSWORD,
    publicUrl: e.PUBLIC_URL,
    trustProxy: parseTrustProxy(e.TRUST_PROXY),
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL,
    logLevel: e.LOG_LEVEL ?? defaultConfig.logLevel,
    boardUnloadGraceMs: e.BOARD_UNLOAD_GRACE_MS ?? defaultConfig.boardUnloadGraceMs,
    persistFlushIntervalMs:
      e.PERSIST_FLUSH_INTERVAL_MS ?? (e.REDIS_URL ? RELAYED_FLUSH_INTERVAL_MS : defaultConfig.persistFlushIntervalMs),
    compactAfterBytes: e.COMPACT_AFTER_BYTES ?? defaultConfig.compactAfterBytes,
    maxMessageBytes: e.MAX_MESSAGE_BYTES ?? defaultConfig.maxMessageBytes,
    maxConnectionsPerBoard: e.MAX_CONNECTIONS_PER_BOARD ?? defaultConfig.maxConnectionsPerBoard,
    largeRoomPeers: e.LARGE_ROOM_PEERS ?? defaultConfig.largeRoomPeers,
    messagesPerSecond: e.MESSAGES_PER_SECOND ?? defaultConfig.messagesPerSecond,
    quotas: {
      ...defaultConfig.quotas,
      connectionsPerPrincipal: e.MAX_CONNECTIONS_PER_PRINCIPAL ?? defaultConfig.quotas.connectionsPerPrincipal,
      bytesPerConnectionPerMinute: e.MAX_BYTES_PER_CONNECTION_PER_MINUTE ?? defaultConfig.quotas.bytesPerConnectionPerMinute,
      boardBytes: e.MAX_BOARD_BYTES ?? defaultConfig.quotas.boardBytes,
    },
    boardUpdateChecks: e.BOARD_UPDATE_CHECKS !== 'off',
    retentionDays: e.RETENTION_DAYS ?? defaultConfig.retentionDays,
    privacyContact: e.PRIVACY_CONTACT,
    chromiumPath: e.CHROMIUM_PATH ?? defaultConfig.chromiumPath,
    reportTimeoutMs: e.REPORT_TIMEOUT_MS ?? defaultConfig.reportTimeoutMs,
    reportConcurrency: e.REPORT_CONCURRENCY ?? defaultConfig.reportConcurrency,
    assetMaxBytes: e.ASSET_MAX_BYTES ?? defaultConfig.assetMaxBytes,
    assetSessionQuotaBytes: e.ASSET_SESSION_QUOTA_BYTES ?? defaultConfig.assetSessionQuotaBytes,
    metricsToken: e.METRICS_TOKEN,
    reportQueueMax: e.REPORT_QUEUE_MAX ?? defaultConfig.reportQueueMax,
    instanceName: e.INSTANCE_NAME ?? defaultConfig.instanceName,
    reportPrewarm: e.REPORT_PREWARM === undefined ? defaultConfig.reportPrewarm : e.REPORT_PREWARM === '1' || e.REPORT_PREWARM === 'true',
    mapTiles: e.MAP_TILES ? path.resolve(e.MAP_TILES) : undefined,
  };
}

/** `true`/`false`, a number of hops, or addresses and subnets (`loopback`, `10.0.0.0/8`…), as express takes them. */
function parseTrustProxy(value: string | undefined): boolean | number | string {
  if (value === undefined || value === 'false') return false;
  if (value === 'true') return true;
  return /^\d+$/.test(value) ? Number(value) : value;
}
