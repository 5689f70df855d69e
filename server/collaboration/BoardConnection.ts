/**
 * One WebSocket on a board, speaking the y-websocket protocol. It applies
 * what the peer may change (sync updates only if it can edit), relays its
 * cursor through the room's awareness, and enforces the per-connection limits.
 */
import * as decoding from 'lib0/decoding';
import type { WebSocket } from 'ws';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import { CloseCode } from '../../shared/closeCodes.js';
import type { Logger } from '../logger.js';
import type { BoardAccess } from './BoardAccess.js';
import type { BoardRoom, RoomPeer } from './BoardRoom.js';
import { filterAwarenessUpdate } from './filterAwarenessUpdate.js';
import { SEND_PLAIN, type SharedMessage, sendShared, takesSharedDeflate } from './sharedMessage.js';
import { stampPresence } from './stampPresence.js';
import { MessageType, awarenessMessage, emptyAwarenessMessage, refusalMessage, syncStep1Message } from './yjsMessages.js';

export interface ConnectionLimits {
  maxMessageBytes: number;
  /** Silence after which a socket that sees no cursors is sent an empty awareness message (see config). */
  quietKeepAliveMs: number;
  messagesPerSecond: number;
  bytesPerMinute: number;
  awarenessStates: number;
  awarenessStateBytes: number;
}

export class BoardConnection implements RoomPeer {
  private tokens: number;
  private lastRefill = Date.now();
  private minuteStart = Date.now();
  private minuteBytes = 0;
  private readonly announced = new Set<number>();
  /** The Yjs client id this connection's document writes with: the first cursor it announced. */
  private ownClientId: number | undefined;
  /** Connections without a cursor of their own (none today but a stamped principal has one) and lists see none. */
  readonly seesCursors: boolean;
  readonly facilitates: boolean;
  private lastSentAt = Date.now();
  private keepAlive: NodeJS.Timeout | undefined;
  /** Whether this socket takes the batches compressed once for all (sharedMessage.ts). */
  private readonly deflates: boolean;

  constructor(
    private readonly ws: WebSocket,
    private readonly room: BoardRoom,
    readonly access: BoardAccess,
    private readonly limits: ConnectionLimits,
    private readonly log: Logger,
    view: { list: boolean } = { list: false },
  ) {
    this.tokens = limits.messagesPerSecond * 2;
    this.seesCursors = access.presence !== null && !view.list;
    this.facilitates = access.mayArrangeCanvases;
    this.deflates = takesSharedDeflate(ws);
  }

  /** Starts the sync: the room is loaded, so the first step 1 carries the whole stored board. */
  start(): void {
    this.room.peers.add(this);
    // Cursors are what keeps a quiet board's sockets from falling silent; without them, an empty message does.
    if (!this.seesCursors) {
      const every = this.limits.quietKeepAliveMs;
      this.keepAlive = setInterval(() => {
        if (Date.now() - this.lastSentAt >= every) this.send(EMPTY_AWARENESS);
      }, every / 3);
    }
    this.send(syncStep1Message(this.room.doc));
    const others = this.room.cursorsFor(this);
    if (others.length > 0 && this.seesCursors) this.send(awarenessMessage(this.room.awareness, others));
  }

  send(message: Uint8Array): void {
    if (this.ws.readyState !== this.ws.OPEN) return;
    this.lastSentAt = Date.now();
    this.ws.send(message, SEND_PLAIN, this.sent);
  }

  sendShared(message: SharedMessage): void {
    if (this.ws.readyState !== this.ws.OPEN) return;
    this.lastSentAt = Date.now();
    sendShared(this.ws, this.deflates, message, this.sent);
  }

  /** One callback for every send: a closure each cost an allocation per peer per message in a room of thousands. */
  private readonly sent = (err?: Error): void => {
    if (err) this.log.debug({ err }, 'send failed');
  };

  close(code: number, reason: string): void {
    this.ws.close(code, reason);
  }

  /** Detaches from the room; the caller releases the room afterwards. */
  stop(): void {
    clearInterval(this.keepAlive);
    this.room.removePeer(this);
  }

  handleMessage(data: Uint8Array): void {
    if (data.byteLength > this.limits.maxMessageBytes) {
      this.log.warn({ bytes: data.byteLength, principal: this.access.principalId }, 'message too large');
      this.room.metrics.editRefused('too_large');
      this.close(CloseCode.MessageTooLarge, 'message too large');
      return;
    }
    if (!this.countBytes(data.byteLength)) {
      this.log.warn({ principal: this.access.principalId }, 'byte quota exceeded');
      this.room.metrics.editRefused('rate_limited');
      this.close(CloseCode.ByteQuotaExceeded, 'byte quota exceeded');
      return;
    }
    if (!this.takeToken()) {
      this.log.warn({ principal: this.access.principalId }, 'rate limit exceeded');
      this.room.metrics.editRefused('rate_limited');
      this.close(CloseCode.RateLimited, 'rate limited');
      return;
    }
    try {
      this.dispatch(data);
    } catch (err) {
      this.log.warn({ err, principal: this.access.principalId, boardId: this.room.boardId }, 'malformed message');
      this.room.metrics.editRefused('malformed');
      this.close(CloseCode.BadRequest, 'malformed message');
    }
  }

  private dispatch(data: Uint8Array): void {
    const decoder = decoding.createDecoder(data);
    const type = decoding.readVarUint(decoder);
    switch (type) {
      case MessageType.Sync:
        return this.handleSync(decoder);
      case MessageType.Awareness: {
        const presence = this.access.presence;
        if (!presence) return;
        const own = filterAwarenessUpdate(decoding.readVarUint8Array(decoder), (id, state) => this.mayAnnounce(id, state));
        const stamped = own && stampPresence(own, presence);
        if (!stamped) return;
        awarenessProtocol.applyAwarenessUpdate(this.room.awareness, stamped, this);
        return;
      }
      case MessageType.QueryAwareness:
        if (this.seesCursors) this.send(awarenessMessage(this.room.awareness, this.room.cursorsFor(this)));
        return;
      case MessageType.Auth:
        return;
      default:
        throw new Error(`unknown message type ${type}`);
    }
  }

  private handleSync(decoder: decoding.Decoder): void {
    const syncType = decoding.readVarUint(decoder);
    if (syncType === syncProtocol.messageYjsSyncStep1) {
      this.sendShared(this.room.syncStep2For(decoding.readVarUint8Array(decoder)));
      return;
    }
    if (syncType !== syncProtocol.messageYjsSyncStep2 && syncType !== syncProtocol.messageYjsUpdate) {
      throw new Error(`unknown sync message ${syncType}`);
    }
    const update = decoding.readVarUint8Array(decoder);
    const outcome = this.room.applyPeerUpdate(update, this, this.access, {
      announcedOwn: this.ownClientId !== undefined,
      resent: syncType === syncProtocol.messageYjsSyncStep2,
    });
    if (!outcome?.refusal) return;
    this.send(refusalMessage(outcome.refusal));
    if (outcome.refusal === 'board-full') this.room.tellFacilitators(refusalMessage('board-full'));
    this.log.info(
      { principal: this.access.principalId, boardId: this.room.boardId, refusal: outcome.refusal, records: outcome.refusedKeys.slice(0, 20) },
      'board change refused',
    );
  }

  /** Bytes received in the current minute: a fixed window is enough to bound what one socket can push. */
  private countBytes(bytes: number): boolean {
    const now = Date.now();
    if (now - this.minuteStart >= 60_000) {
      this.minuteStart = now;
      this.minuteBytes = 0;
    }
    this.minuteBytes += bytes;
    return this.minuteBytes <= this.limits.bytesPerMinute;
  }

  /**
   * Its own cursors only, at most `awarenessStates` of them (two: a reconnecting tab), each bounded in size,
   * never under a client id another principal holds. The first state a connection announces is its
   * document's own (the stock client sends it as it connects, before any cursor it echoes): that client id
   * becomes its principal's on this board.
   */
  private mayAnnounce(clientId: number, state: Uint8Array): boolean {
    if (state.byteLength > this.limits.awarenessStateBytes || !this.room.mayAnnounce(this, clientId)) return false;
    if (this.ownClientId === undefined && !isNullState(state)) {
      if (!this.room.clientOwners.claim(this.access.principalId, clientId)) return false;
      this.ownClientId = clientId;
    } else if (!this.room.clientOwners.mayUse(this.access.principalId, clientId)) {
      return false;
    }
    if (this.announced.has(clientId)) return true;
    if (this.announced.size >= this.limits.awarenessStates) return false;
    this.announced.add(clientId);
    return true;
  }

  private takeToken(): boolean {
    const now = Date.now();
    const rate = this.limits.messagesPerSecond;
    this.tokens = Math.min(rate * 2, this.tokens + ((now - this.lastRefill) / 1000) * rate);
    this.lastRefill = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

const NULL_STATE = new TextEncoder().encode('null');

/** An awareness message announcing nobody: a client applies it as nothing. */
const EMPTY_AWARENESS = emptyAwarenessMessage();

/** An awareness entry that removes a cursor rather than showing one. */
function isNullState(state: Uint8Array): boolean {
  return state.byteLength === NULL_STATE.byteLength && state.every((byte, i) => byte === NULL_STATE[i]);
}
