/**
 * One loaded board: its Y.Doc, the awareness (cursors) of everyone on it,
 * its connections, and the write-behind of its updates to the store.
 *
 * Updates are buffered and appended every `persistFlushIntervalMs`; a failed
 * write keeps them in memory and is retried, so a full disk loses nothing
 * the process still holds.
 */
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { boardRecords, isScaffolding, type BoardRecord } from '../../shared/boardLayout.js';
import type { Logger } from '../logger.js';
import { noMetrics, type Metrics } from '../metrics/Metrics.js';
import type { BoardStore } from '../storage/BoardStore.js';
import { RELAY_ORIGIN, localOnlyRelay, type BoardRelay, type RelaySink } from './BoardRelay.js';
import { awarenessMessage, updateMessage } from './yjsMessages.js';

export interface RoomPeer {
  send(message: Uint8Array): void;
}

/**
 * The room size at which edits and awareness go out at their base intervals.
 * A larger room gets them proportionally less often, so the messages the
 * server sends (peers × flushes) stop growing and more changes coalesce into
 * each. Every peer is a phone that must apply all of them, and applying an
 * update costs a Yjs transaction that walks every writer the board has known:
 * at 300 participants, per-edit messages alone saturated the simulated clients.
 */
const PEERS_AT_BASE_RATE = 100;

/**
 * Cursor bytes a second each peer receives, at most: beyond it a room's
 * cursors go out less often. About 0.5 Mbit/s, a phone's fair share of a
 * venue's Wi-Fi; at 300 people dragging, every 150 ms meant 300 KB/s each.
 */
const AWARENESS_BYTES_PER_SECOND = 64_000;

export interface BoardRoomOptions {
  persistFlushIntervalMs: number;
  compactAfterBytes: number;
  /**
   * At most one update per interval goes to each peer: an edit after a quiet
   * interval goes out at once, edits arriving sooner wait for the interval's
   * end and go out together. This is the interval at 100 peers; it is
   * proportional to the number of peers, so a board never costs more than
   * about 100 × 1000 / interval messages a second, and two people drawing
   * together wait for nothing.
   */
  fanOutIntervalMs: number;
  /** Awareness changes are gathered and sent as one message per interval. */
  awarenessFlushIntervalMs: number;
  metrics?: Metrics;
}

interface OutgoingUpdate {
  update: Uint8Array;
  origin: unknown;
}

export class BoardRoom implements RelaySink {
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  readonly peers = new Set<RoomPeer>();

  private pendingUpdates: Uint8Array[] = [];
  private outgoing: OutgoingUpdate[] = [];
  private fanOutTimer: NodeJS.Timeout | undefined;
  private lastFanOutAt = -Infinity;
  private flushTimer: NodeJS.Timeout | undefined;
  private writeChain: Promise<void> = Promise.resolve();
  /** Who announced each awareness client id: a peer speaks only for its own cursors. */
  private readonly awarenessOwners = new Map<number, RoomPeer | typeof RELAY_ORIGIN>();
  private changedAwareness = new Set<number>();
  /** Cursors changed by this instance's peers, for the other instances. */
  private localAwareness = new Set<number>();
  private awarenessTimer: NodeJS.Timeout | undefined;
  private lastAwarenessBytes = 0;
  private lastWriteError: Error | undefined;
  /** When the oldest edit waiting for fan-out, and for storage, arrived (performance.now()). */
  private outgoingSince = 0;
  private pendingSince = 0;
  readonly metrics: Metrics;

  constructor(
    readonly boardId: string,
    private readonly store: BoardStore,
    private readonly options: BoardRoomOptions,
    private readonly log: Logger,
    private readonly relay: BoardRelay = localOnlyRelay,
  ) {
    this.metrics = options.metrics ?? noMetrics;
    // The server has no cursor of its own.
    this.awareness.setLocalState(null);
    this.doc.on('update', this.handleDocUpdate);
    this.awareness.on('update', this.handleAwarenessUpdate);
  }

  /** Applies the stored history; called once, before any peer is attached. */
  loadHistory(updates: Uint8Array[]): void {
    this.doc.off('update', this.handleDocUpdate);
    Y.transact(this.doc, () => {
      for (const update of updates) Y.applyUpdate(this.doc, update, this);
    });
    this.doc.on('update', this.handleDocUpdate);
  }

  get writeError(): Error | undefined {
    return this.lastWriteError;
  }

  private readonly handleDocUpdate = (update: Uint8Array, origin: unknown): void => {
    if (this.outgoing.length === 0) this.outgoingSince = performance.now();
    this.outgoing.push({ update, origin });
    if (!this.fanOutTimer) {
      const interval = (this.options.fanOutIntervalMs * this.peers.size) / PEERS_AT_BASE_RATE;
      const wait = this.lastFanOutAt + interval - performance.now();
      if (wait <= 0) this.fanOut();
      else this.fanOutTimer = setTimeout(this.fanOut, wait);
    }
    if (origin === RELAY_ORIGIN) return;
    if (this.pendingUpdates.length === 0) this.pendingSince = performance.now();
    this.pendingUpdates.push(update);
    this.flushTimer ??= setTimeout(() => void this.flush(), this.options.persistFlushIntervalMs);
  };

  private readonly handleAwarenessUpdate = (
    change: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    // Every instance times out silent cursors on its own clock; relaying a timeout could erase a live cursor elsewhere.
    const local = origin !== RELAY_ORIGIN && origin !== 'timeout';
    for (const ids of [change.added, change.updated, change.removed]) {
      for (const id of ids) {
        this.changedAwareness.add(id);
        if (local) this.localAwareness.add(id);
      }
    }
    // One listener for the room: one per peer would make every cursor move cost as many calls as there are peers.
    if (origin === RELAY_ORIGIN || this.peers.has(origin as RoomPeer)) {
      // A reconnecting client keeps its id: its state comes back as an update, not an addition.
      for (const id of change.added) this.awarenessOwners.set(id, origin as RoomPeer);
      for (const id of change.updated) this.awarenessOwners.set(id, origin as RoomPeer);
    }
    for (const id of change.removed) this.awarenessOwners.delete(id);
    this.awarenessTimer ??= setTimeout(
      this.flushAwareness,
      Math.max(this.options.awarenessFlushIntervalMs * this.rateScale(), (this.lastAwarenessBytes * 1000) / AWARENESS_BYTES_PER_SECOND),
    );
  };

  /**
   * Applies a peer's edit. One that may not arrange canvases gets any change
   * it made to scaffolding (seeded canvases, see `isScaffolding`) written back
   * as it was: an update cannot be refused once merged, but a later edit
   * restores the value every copy then converges to. Returns the ids restored.
   */
  applyPeerUpdate(update: Uint8Array, peer: RoomPeer, mayArrangeCanvases: boolean): string[] {
    this.metrics.editApplied();
    if (mayArrangeCanvases) {
      Y.applyUpdate(this.doc, update, peer);
      return [];
    }
    const records = boardRecords(this.doc);
    const restore = new Map<string, BoardRecord | undefined>();
    const watch = (event: Y.YMapEvent<BoardRecord>) => {
      if (event.transaction.origin !== peer) return;
      for (const [key, change] of event.changes.keys) {
        const before = change.oldValue as BoardRecord | undefined;
        if (!restore.has(key) && (isScaffolding(before) || isScaffolding(records.get(key)))) restore.set(key, before);
      }
    };
    records.observe(watch);
    try {
      Y.applyUpdate(this.doc, update, peer);
    } finally {
      records.unobserve(watch);
    }
    if (restore.size === 0) return [];
    this.metrics.editRefused('scaffolding');
    this.doc.transact(() => {
      for (const [key, record] of restore) {
        if (record === undefined) records.delete(key);
        else records.set(key, record);
      }
    }, this);
    return [...restore.keys()];
  }

  /** Whether `peer` may send the awareness state of `clientId`: its own, or one nobody holds. */
  mayAnnounce(peer: RoomPeer, clientId: number): boolean {
    const owner = this.awarenessOwners.get(clientId);
    return owner === undefined || owner === peer;
  }

  /** Detaches a peer and removes the cursors it announced. */
  removePeer(peer: RoomPeer): void {
    this.peers.delete(peer);
    const announced = [...this.awarenessOwners].filter(([, owner]) => owner === peer).map(([id]) => id);
    awarenessProtocol.removeAwarenessStates(this.awareness, announced, null);
  }

  private rateScale(): number {
    return Math.max(1, this.peers.size / PEERS_AT_BASE_RATE);
  }

  /** Sends the gathered edits: one update per peer, without the peer's own edits. */
  private readonly fanOut = (): void => {
    this.fanOutTimer = undefined;
    this.lastFanOutAt = performance.now();
    const batch = this.outgoing;
    this.outgoing = [];
    const senders = new Set(batch.map((u) => u.origin));
    // Updates the room itself produced are trusted, so the V1 merge is safe here.
    const merge = (updates: OutgoingUpdate[]) =>
      updateMessage(updates.length === 1 ? updates[0]!.update : Y.mergeUpdates(updates.map((u) => u.update)));
    let everything: Uint8Array | undefined;
    for (const peer of this.peers) {
      if (!senders.has(peer)) {
        everything ??= merge(batch);
        peer.send(everything);
        continue;
      }
      const others = batch.filter((u) => u.origin !== peer);
      if (others.length > 0) peer.send(merge(others));
    }
    this.metrics.fanOutLatency((performance.now() - this.outgoingSince) / 1000);
  };

  private readonly flushAwareness = (): void => {
    this.awarenessTimer = undefined;
    if (this.changedAwareness.size === 0) return;
    // Sent to every peer, the sender included: its echo is what keeps the
    // y-websocket client's 30-second silence watchdog from reconnecting.
    const message = awarenessMessage(this.awareness, [...this.changedAwareness]);
    this.lastAwarenessBytes = message.byteLength;
    this.changedAwareness.clear();
    for (const peer of this.peers) peer.send(message);
    if (this.localAwareness.size === 0) return;
    const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...this.localAwareness]);
    this.relay.publishAwareness(this.boardId, update);
    this.localAwareness.clear();
  };

  /** Writes buffered updates; resolves when they are durable (or the write failed and will be retried). */
  flush(): Promise<void> {
    clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    this.writeChain = this.writeChain.then(() => this.writePending());
    return this.writeChain;
  }

  private async writePending(): Promise<void> {
    if (this.pendingUpdates.length === 0) return;
    const batch = this.pendingUpdates;
    const since = this.pendingSince;
    this.pendingUpdates = [];
    try {
      const merged = Y.mergeUpdates(batch);
      await this.store.append(this.boardId, merged);
      this.relay.publishUpdate(this.boardId, merged);
      this.metrics.storageWritten((performance.now() - since) / 1000);
      if ((await this.store.pendingLogBytes(this.boardId)) > this.options.compactAfterBytes) {
        await this.store.replace(this.boardId, Y.encodeStateAsUpdate(this.doc));
      }
      if (this.lastWriteError) this.log.info({ boardId: this.boardId }, 'board writes resumed');
      this.lastWriteError = undefined;
    } catch (error) {
      this.pendingUpdates = batch.concat(this.pendingUpdates);
      this.pendingSince = since;
      this.metrics.storageWriteFailed();
      if (!this.lastWriteError) this.log.error({ err: error, boardId: this.boardId }, 'board write failed; will retry');
      this.lastWriteError = error as Error;
      this.flushTimer ??= setTimeout(() => void this.flush(), this.options.persistFlushIntervalMs * 4);
    }
  }

  /** Compacts the stored history into one snapshot (used when the board is unloaded). */
  async compact(): Promise<void> {
    await this.flush();
    if (this.lastWriteError) return;
    if ((await this.store.pendingLogBytes(this.boardId)) === 0) return;
    this.writeChain = this.writeChain.then(() =>
      this.store.replace(this.boardId, Y.encodeStateAsUpdate(this.doc)),
    );
    await this.writeChain;
  }

  applyRemoteUpdate(update: Uint8Array): void {
    Y.applyUpdate(this.doc, update, RELAY_ORIGIN);
  }

  applyRemoteAwareness(update: Uint8Array): void {
    awarenessProtocol.applyAwarenessUpdate(this.awareness, update, RELAY_ORIGIN);
  }

  async catchUp(): Promise<void> {
    const history = await this.store.load(this.boardId);
    if (!history) return;
    Y.transact(this.doc, () => history.forEach((update) => Y.applyUpdate(this.doc, update)), RELAY_ORIGIN);
  }

  get hasUnsavedChanges(): boolean {
    return this.pendingUpdates.length > 0;
  }

  destroy(): void {
    this.relay.leave(this.boardId, this);
    clearTimeout(this.flushTimer);
    clearTimeout(this.fanOutTimer);
    clearTimeout(this.awarenessTimer);
    this.awareness.destroy();
    this.doc.destroy();
  }
}
