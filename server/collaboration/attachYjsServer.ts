/**
 * The `/yjs/<boardId>` endpoint on the shared HTTP server. Access is decided
 * before the upgrade completes; a refusal still completes it and closes with
 * a named 44xx code, because a refused upgrade reaches the browser as a bare
 * 1006 that y-websocket retries forever.
 */
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { CloseCode, type CloseCodeValue } from '../../shared/closeCodes.js';
import type { Logger } from '../logger.js';
import type { BoardAccess } from './BoardAccess.js';
import { BoardConnection, type ConnectionLimits } from './BoardConnection.js';
import { BoardNotFoundError, type BoardRegistry } from './BoardRegistry.js';
import { BOARD_VIEW_PARAM, LIST_VIEW, SOCKET_IO_PATH, YJS_PATH } from '../../shared/paths.js';

export const YJS_PATH_PREFIX = `${YJS_PATH}/`;
const HEARTBEAT_MS = 30_000;

export type AuthorizeResult =
  | { ok: true; access: BoardAccess }
  | { ok: false; code: CloseCodeValue; reason: string };

export interface YjsServerOptions {
  registry: BoardRegistry;
  authorize: (boardId: string, params: URLSearchParams) => Promise<AuthorizeResult>;
  limits: ConnectionLimits & { maxConnectionsPerBoard: number; connectionsPerPrincipal: number };
  log: Logger;
}

export interface YjsServer {
  /** Closes every socket of one principal (a removed participant). */
  disconnectPrincipal(principalId: string, code: CloseCodeValue, reason: string): void;
  /** Closes every socket on one board (a deleted session). */
  disconnectBoard(boardId: string, code: CloseCodeValue, reason: string): void;
  connectionCount(boardId?: string): number;
  close(): Promise<void>;
}

export function attachYjsServer(httpServer: Server, options: YjsServerOptions): YjsServer {
  const { registry, authorize, limits, log } = options;
  // The limit proper is checked per message and closes with the final 4413. A frame ws cuts itself
  // closes with 1009, which y-websocket retries forever (resending the same update), so the hard cap
  // stays far above the limit: nearly every oversized message gets the final 4413.
  const wss = new WebSocketServer({ noServer: true, maxPayload: limits.maxMessageBytes * 8 });
  // Phones on their list of ideas — a room's crowd — negotiate compression, for the batches and the whole board
  // a board sends many sockets as the same bytes, deflated once (sharedMessage.ts): hence no server context kept
  // between messages. Other messages go plain, so no socket holds a deflate stream. A list sends a few edits a
  // minute, which the server inflates in a 1 KB window; a canvas sends its cursor ten times a second, and a
  // browser compresses every message: inflating them all (about 150 µs each through ws) would cost the server
  // a fifth of a core at 2,000 people, so canvases stay plain.
  const deflatingWss = new WebSocketServer({
    noServer: true,
    maxPayload: limits.maxMessageBytes * 8,
    perMessageDeflate: { serverNoContextTakeover: true, clientNoContextTakeover: true, clientMaxWindowBits: 10 },
  });
  const connections = new Map<string, Set<BoardConnection>>();
  const sockets = new Set<WebSocket>();
  const perPrincipal = new Map<string, number>();

  const refuse = (req: IncomingMessage, socket: Duplex, head: Buffer, code: CloseCodeValue, reason: string) => {
    wss.handleUpgrade(req, socket, head, (ws) => ws.close(code, reason));
  };

  const onUpgrade = async (req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname.startsWith(`${SOCKET_IO_PATH}/`)) return;
    if (!url.pathname.startsWith(YJS_PATH_PREFIX)) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
      return;
    }
    const boardId = decodeURIComponent(url.pathname.slice(YJS_PATH_PREFIX.length));
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(boardId)) {
      refuse(req, socket, head, CloseCode.BadRequest, 'invalid board id');
      return;
    }
    let decision: AuthorizeResult;
    try {
      decision = await authorize(boardId, url.searchParams);
    } catch (err) {
      log.error({ err, boardId }, 'authorization failed');
      refuse(req, socket, head, CloseCode.StorageUnavailable, 'authorization unavailable');
      return;
    }
    if (!decision.ok) {
      refuse(req, socket, head, decision.code, decision.reason);
      return;
    }
    const onBoard = connections.get(boardId) ?? new Set();
    if (onBoard.size >= limits.maxConnectionsPerBoard) {
      refuse(req, socket, head, CloseCode.RoomFull, 'board full');
      return;
    }
    const access = decision.access;
    const view = { list: url.searchParams.get(BOARD_VIEW_PARAM) === LIST_VIEW };
    (view.list ? deflatingWss : wss).handleUpgrade(req, socket, head, (ws) => {
      // Counted on the socket itself, so a refused or failed upgrade never holds a place.
      const key = `${boardId}/${access.principalId}`;
      const held = perPrincipal.get(key) ?? 0;
      if (held >= limits.connectionsPerPrincipal) {
        ws.close(CloseCode.TooManyConnections, 'too many connections for this token');
        return;
      }
      perPrincipal.set(key, held + 1);
      ws.once('close', () => {
        const left = (perPrincipal.get(key) ?? 1) - 1;
        if (left > 0) perPrincipal.set(key, left);
        else perPrincipal.delete(key);
      });
      void accept(ws, boardId, access, view);
    });
  };

  const accept = async (ws: WebSocket, boardId: string, access: BoardAccess, view: { list: boolean }): Promise<void> => {
    sockets.add(ws);
    let alive = true;
    ws.on('pong', () => (alive = true));
    const heartbeat = setInterval(() => {
      if (!alive) return ws.terminate();
      alive = false;
      ws.ping();
    }, HEARTBEAT_MS);
    // Messages that arrive while the board loads wait for it.
    const early: Uint8Array[] = [];
    const bufferEarly = (data: Buffer) => early.push(new Uint8Array(data));
    ws.on('message', bufferEarly);
    ws.on('error', (err) => log.debug({ err, boardId }, 'socket error'));
    let closed = false;
    ws.on('close', () => {
      closed = true;
      clearInterval(heartbeat);
      sockets.delete(ws);
    });

    let room;
    try {
      room = await registry.acquire(boardId);
    } catch (err) {
      if (err instanceof BoardNotFoundError) ws.close(CloseCode.UnknownBoard, 'unknown board');
      else {
        log.error({ err, boardId }, 'board load failed');
        ws.close(CloseCode.StorageUnavailable, 'storage unavailable');
      }
      return;
    }
    if (closed) {
      registry.release(boardId);
      return;
    }
    const connection = new BoardConnection(ws, room, access, limits, log, view);
    const onBoard = connections.get(boardId) ?? new Set();
    connections.set(boardId, onBoard);
    onBoard.add(connection);
    ws.off('message', bufferEarly);
    ws.on('message', (data: Buffer) => connection.handleMessage(new Uint8Array(data)));
    ws.on('close', () => {
      // A lone writer's last edits would otherwise wait for the next flush, which an unloaded or crashing server never runs.
      if (room.hasUnsavedChanges) void room.flush();
      connection.stop();
      onBoard.delete(connection);
      if (onBoard.size === 0) connections.delete(boardId);
      registry.release(boardId);
    });
    connection.start();
    for (const message of early) connection.handleMessage(message);
  };

  const listener = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    onUpgrade(req, socket, head).catch((err) => {
      log.error({ err }, 'upgrade failed');
      socket.destroy();
    });
  };
  httpServer.on('upgrade', listener);

  const each = (boardId: string | undefined, fn: (c: BoardConnection) => void) => {
    const sets = boardId ? [connections.get(boardId) ?? new Set<BoardConnection>()] : [...connections.values()];
    for (const set of sets) for (const c of [...set]) fn(c);
  };

  return {
    disconnectPrincipal(principalId, code, reason) {
      each(undefined, (c) => c.access.principalId === principalId && c.close(code, reason));
    },
    disconnectBoard(boardId, code, reason) {
      each(boardId, (c) => c.close(code, reason));
    },
    connectionCount(boardId) {
      if (boardId) return connections.get(boardId)?.size ?? 0;
      let total = 0;
      for (const set of connections.values()) total += set.size;
      return total;
    },
    async close() {
      httpServer.off('upgrade', listener);
      for (const ws of sockets) ws.terminate();
      await Promise.all([wss, deflatingWss].map((server) => new Promise<void>((resolve) => server.close(() => resolve()))));
    },
  };
}
