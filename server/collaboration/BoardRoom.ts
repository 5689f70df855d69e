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
import type { Logger } from '../logger.js';
import type { BoardRefusal } from '../../shared/boardRefusals.js';
import { boardRecords } from '../../shared/boardLayout.js';
import { noMetrics, type EditRefusal, type Metrics } from '../metrics/Metrics.js';
import type { BoardStore } from '../storage/BoardStore.js';
import type { BoardAccess } from './BoardAccess.js';
import { ClientOwners } from './ClientOwners.js';
import { ResentDeletions, holdForbiddenDeletions } from './ResentDeletions.js';
import { guardPeerUpdate, type GuardOutcome, type KeyVerdict, type RecordLookup } from './guardPeerUpdate.js';
import type { RecordRules } from './RecordRules.js';
import { RELAY_ORIGIN, localOnlyRelay, type BoardRelay, type RelaySink } from './BoardRelay.js';
import { SharedMessage } from './sharedMessage.js';
import { awarenessMessage, refusalMessage, syncStep2Message, updateMessage } from './yjsMessages.js';

const REFUSAL_METRIC: Record<BoardRefusal, EditRefusal> = {
  'not-yours': 'not_yours',
  invalid: 'invalid',
  paused: 'paused',
  'read-only': 'read_only',
  'board-full': 'board_full',
};

export interface RoomPeer {
  send(message: Uint8Array): void;
  /** A message other peers receive as the same bytes: compressed once for all (sharedMessage.ts). */
  sendShared(message: SharedMessage): void;
  /** False for connections that show no cursor and receive none. */
  readonly seesCursors?: boolean;
  /** A facilitator's connection (told when the board is full). */
  readonly facilitates?: boolean;
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

/**
 * Beyond its size-bound interval, the fan-out waits this many times what the last one took to send: the server
 * spends at most half its time sending edits, however large the room, and waits no longer than that. At 2,000
 * people a fan-out takes about 40 ms; waiting three times that (a third) put p95 at 510–550 ms, twice at 210–480 (`BENCHMARKS.md`).
 */
const FAN_OUT_COST_FACTOR = 2;

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
  /**
   * The proportional interval stops growing here: beyond, it grows only with what the last fan-out measured
   * (`FAN_OUT_COST_FACTOR`). Growing with the room alone made every edit wait 200 ms at 2,000 people on a
   * server that sent each batch in 10.
   */
  fanOutIntervalMaxMs: number;
  /** Awareness changes are gathered and sent as one message per interval. */
  awarenessFlushIntervalMs: number;
  /**
   * From this many peers the room is a « grande salle »: participants receive the facilitators' cursors at
   * every flush and only `crowdCursorsPerFlush` of the others' (see `flushCrowd`); facilitators still see all.
   */
  largeRoomPeers: number;
  /** How often a large room's participants receive cursors: the rate a dragged cursor moves at. */
  crowdFlushIntervalMs: number;
  crowdCursorsPerFlush: number;
  metrics?: Metrics;
  /** What non-facilitators may write; null turns the checks off (measurements only). */
  rules: RecordRules | null;
  /** Beyond this size participants' additions and changes are refused ('board-full'). */
  maxBoardBytes?: number;
  /** How long a deletion sent back on re-sync, that its sender may not make, waits for its author (`ResentDeletions`). */
  resentDeletionGraceMs: number;
}

export interface PeerUpdateOptions {
  /** Whether the sender announced its own client id (`ClientOwners`). */
  announcedOwn?: boolean;
  /** A sync step 2: the sender's whole state sent back as it (re)connects, others' deletions included. */
  resent?: boolean;
}

interface OutgoingUpdate {
  update: Uint8Array;
  origin: unknown;
}

export class BoardRoom implements RelaySink {
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  readonly peers = new Set<RoomPeer>();
  /** Whose Yjs client id is whose: a participant's update is taken only under its own. */
  readonly clientOwners = new ClientOwners(this.doc, this, (clientId) => this.awarenessOwners.get(clientId) === RELAY_ORIGIN);

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
  /** While a peer's update is checked, its document updates wait here to learn whether the server rewrote it. */
  private captured: Uint8Array[] | undefined;
  /**
   * The board's size, for its quota: the stored state when loaded or compacted, plus every update since
   * (an overestimate between compactions, which happen every `compactAfterBytes`).
   */
  private approxBytes = 0;
  /** The whole board as one update while it is unchanged (see `syncStep2For`). */
  private wholeState: Uint8Array | undefined;
  /** The same as a sync step 2 message, compressed once for every newcomer that negotiated it. */
  private wholeStep2: SharedMessage | undefined;
  private lastToldFacilitators = -Infinity;
  private lastFanOutCostMs = 0;
  /** In a large room: cursors changed since a participant last received them, oldest change first. */
  private crowdWaiting = new Set<number>();
  /** In a large room: facilitators' cursors and departures, sent to participants at every flush. */
  private crowdFirst = new Set<number>();
  private crowdTimer: NodeJS.Timeout | undefined;
  private readonly resentDeletions: ResentDeletions;

  constructor(
    readonly boardId: string,
    private readonly store: BoardStore,
    private readonly options: BoardRoomOptions,
    private readonly log: Logger,
    private readonly relay: BoardRelay = localOnlyRelay,
  ) {
    this.metrics = options.metrics ?? noMetrics;
    this.resentDeletions = new ResentDeletions(this.doc, options.resentDeletionGraceMs);
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
    this.approxBytes = updates.reduce((sum, u) => sum + u.byteLength, 0);
    // A compacted board is stored as one snapshot: the whole state already encoded, for the first newcomer.
    const { pendingStructs, pendingDs } = this.doc.store;
    if (updates.length === 1 && !pendingStructs && !pendingDs) this.wholeState = updates[0];
    this.doc.on('update', this.handleDocUpdate);
  }

  /**
   * The sync step 2 a peer gets for its state vector: what it lacks, as one update. A newcomer (empty state
   * vector) gets the whole board, encoded and compressed once per change of the board rather than once per
   * join: 300 phones opening the board together cost one encoding, not 300 (about 30 ms each for 5,000 notes
   * on the bench host), and those on their lists, which negotiate compression, download a sixth of it or less.
   */
  syncStep2For(stateVector: Uint8Array): SharedMessage {
    const empty = stateVector.length === 1 && stateVector[0] === 0;
    if (!empty) return new SharedMessage(syncStep2Message(Y.encodeStateAsUpdate(this.doc, stateVector)));
    this.wholeState ??= Y.encodeStateAsUpdate(this.doc);
    this.wholeStep2 ??= new SharedMessage(syncStep2Message(this.wholeState));
    return this.wholeStep2;
  }

  get writeError(): Error | undefined {
    return this.lastWriteError;
  }

  private readonly handleDocUpdate = (update: Uint8Array, origin: unknown): void => {
    this.wholeState = undefined;
    this.wholeStep2 = undefined;
    if (this.captured) {
      this.captured.push(update);
      return;
    }
    if (this.outgoing.length === 0) this.outgoingSince = performance.now();
    this.outgoing.push({ update, origin });
    this.approxBytes += update.byteLength;
    if (!this.fanOutTimer) {
      const bySize = Math.min((this.options.fanOutIntervalMs * this.peers.size) / PEERS_AT_BASE_RATE, this.options.fanOutIntervalMaxMs);
      const interval = Math.max(bySize, this.lastFanOutCostMs * FAN_OUT_COST_FACTOR);
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
    if (this.isLargeRoom) {
      for (const id of change.removed) {
        this.crowdFirst.add(id);
        this.crowdWaiting.delete(id);
      }
      for (const ids of [change.added, change.updated]) {
        for (const id of ids) {
          const owner = this.awarenessOwners.get(id);
          if (owner !== undefined && owner !== RELAY_ORIGIN && owner.facilitates) this.crowdFirst.add(id);
          else this.crowdWaiting.add(id);
        }
      }
      this.crowdTimer ??= setTimeout(this.flushCrowd, this.options.crowdFlushIntervalMs);
    }
    this.awarenessTimer ??= setTimeout(
      this.flushAwareness,
      Math.max(this.options.awarenessFlushIntervalMs * this.rateScale(), (this.lastAwarenessBytes * 1000) / AWARENESS_BYTES_PER_SECOND),
    );
  };

  /**
   * Applies a peer's edit. A facilitator's goes in as sent; anyone else's is
   * checked record by record (`guardPeerUpdate`, `RecordRules`) and what is
   * refused never reaches the document, the other peers or the store. When
   * the server rewrote anything (a refusal undone, an identity stamped) the
   * sender receives the result like everyone else. Items made under someone
   * else's Yjs client id are left for their author to send (`ClientOwners`),
   * and deletions sent back on re-sync that the sender may not make wait for
   * theirs (`ResentDeletions`).
   */
  applyPeerUpdate(update: Uint8Array, peer: RoomPeer, access: BoardAccess, options: PeerUpdateOptions = {}): GuardOutcome | null {
    const rules = this.options.rules;
    const refusal = access.editRefusal();
    if (access.mayArrangeCanvases || !rules) {
      if (refusal) {
        this.metrics.editRefused(REFUSAL_METRIC[refusal]);
      } else {
        Y.applyUpdate(this.doc, update, peer);
        if (rules) this.clientOwners.recordOwnWriters(update, access.principalId);
        this.metrics.editApplied();
      }
      return null;
    }
    const writer = { sessionId: this.boardId, participantId: access.principalId, college: access.college, editsEveryone: access.editsEveryone() };
    const mayDelete = (key: string) =>
      rules.check(writer, key, { before: (id) => boardRecords(this.doc).get(id), after: (id) => (id === key ? undefined : boardRecords(this.doc).get(id)) }).ok;
    const resent = options.resent ? holdForbiddenDeletions(this.doc, update, mayDelete) : { update, held: new Map<string, Y.Item>() };
    if (resent.held.size > 0) this.holdDeletions(resent.held, peer, mayDelete);
    // Before the capture: a client id claimed here is the server's own write, which every peer must receive.
    const own = this.clientOwners.ownPart(resent.update, access.principalId, options.announcedOwn ?? false);
    const captured: Uint8Array[] = [];
    this.captured = captured;
    // Over its size quota a board still takes deletions, so that it can shrink; never additions or changes.
    const full = this.options.maxBoardBytes !== undefined && this.approxBytes > this.options.maxBoardBytes;
    const judge = refusal ?? ((key: string, lookup: RecordLookup): KeyVerdict =>
      full && lookup.after(key) !== undefined ? { ok: false, refusal: 'board-full' } : rules.check(writer, key, lookup));
    let outcome: GuardOutcome | undefined;
    try {
      outcome = guardPeerUpdate(this.doc, own.update, peer, judge, { othersLeftOut: own.trimmed });
      return outcome;
    } finally {
      this.captured = undefined;
      for (const change of captured) this.handleDocUpdate(change, (outcome?.rewritten ?? true) ? this : peer);
      // An update that failed to decode is counted by the connection, which closes.
      if (outcome?.refusal) this.metrics.editRefused(REFUSAL_METRIC[outcome.refusal]);
      else if (outcome) this.metrics.editApplied();
    }
  }

  private holdDeletions(held: Map<string, Y.Item>, peer: RoomPeer, mayDelete: (key: string) => boolean): void {
    this.log.info({ boardId: this.boardId, records: [...held.keys()].slice(0, 20) }, 'resent deletions held for their authors');
    this.resentDeletions.hold(
      held,
      this,
      (key) => this.peers.has(peer) && !mayDelete(key),
      (keys) => {
        this.metrics.editRefused('not_yours');
        peer.send(refusalMessage('not-yours'));
        this.log.info({ boardId: this.boardId, records: keys.slice(0, 20) }, 'held deletions refused: written back');
      },
    );
  }

  /** Sends facilitators' connections `message`, at most once a minute (the board is full: only they can make room). */
  tellFacilitators(message: Uint8Array): void {
    const now = performance.now();
    if (now - this.lastToldFacilitators < 60_000) return;
    this.lastToldFacilitators = now;
    for (const peer of this.peers) if (peer.facilitates) peer.send(message);
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

  /** Whether participants' cursors are thinned (`largeRoomPeers`). */
  get isLargeRoom(): boolean {
    return this.peers.size >= this.options.largeRoomPeers;
  }

  /** Which cursors `peer` receives on arrival or on asking: all of them, or in a large room the facilitators' and a few. */
  cursorsFor(peer: RoomPeer): number[] {
    const all = [...this.awareness.getStates().keys()];
    if (!this.isLargeRoom || peer.facilitates) return all;
    const facilitators = all.filter((id) => {
      const owner = this.awarenessOwners.get(id);
      return owner !== undefined && owner !== RELAY_ORIGIN && owner.facilitates;
    });
    return facilitators.concat(all.filter((id) => !facilitators.includes(id)).slice(0, this.options.crowdCursorsPerFlush));
  }

  private rateScale(): number {
    return Math.max(1, this.peers.size / PEERS_AT_BASE_RATE);
  }

  /**
   * Sends the gathered edits. In a large room every peer receives the same message, its writers included (Yjs
   * applies an edit it already holds as nothing, and the stock server echoes too): one merge and one buffer
   * for all. Below, edits never go back to their writer: one shared update for everyone who wrote nothing in
   * the batch, and a writer gets the batch in about √n shared slices, only the slice holding its own edits
   * merged for it alone (merging the rest for each writer cost n²: 61 % of the server's time at 2,000 people).
   * The slices cost a send each per writer, so their fan-out grew with the batch, the next interval with the
   * fan-out, the batch with the interval: at 2,000 people batches reached a thousand edits and edits 14 s
   * (`bench/README.md`).
   */
  private readonly fanOut = (): void => {
    this.fanOutTimer = undefined;
    const startedAt = performance.now();
    this.lastFanOutAt = startedAt;
    const batch = this.outgoing;
    this.outgoing = [];
    // Updates the room itself produced are trusted, so the V1 merge is safe here.
    const merge = (updates: OutgoingUpdate[]) =>
      updateMessage(updates.length === 1 ? updates[0]!.update : Y.mergeUpdates(updates.map((u) => u.update)));
    if (this.isLargeRoom) {
      const everything = new SharedMessage(merge(batch));
      for (const peer of this.peers) peer.sendShared(everything);
    } else {
      this.sendToEachButWriters(batch, merge);
    }
    this.lastFanOutCostMs = performance.now() - startedAt;
    this.metrics.fanOutLatency((performance.now() - this.outgoingSince) / 1000);
  };

  private sendToEachButWriters(batch: OutgoingUpdate[], merge: (updates: OutgoingUpdate[]) => Uint8Array): void {
    const senders = new Set(batch.map((u) => u.origin));
    let everything: SharedMessage | undefined;
    const sliceLength = Math.ceil(Math.sqrt(batch.length));
    const slices = Array.from({ length: Math.ceil(batch.length / sliceLength) }, (_, i) => batch.slice(i * sliceLength, (i + 1) * sliceLength));
    const merged: (Uint8Array | undefined)[] = [];
    for (const peer of this.peers) {
      if (!senders.has(peer)) {
        everything ??= new SharedMessage(merge(batch));
        peer.sendShared(everything);
        continue;
      }
      slices.forEach((slice, i) => {
        if (!slice.some((u) => u.origin === peer)) {
          peer.send((merged[i] ??= merge(slice)));
          return;
        }
        const others = slice.filter((u) => u.origin !== peer);
        if (others.length > 0) peer.send(merge(others));
      });
    }
  }

  private readonly flushAwareness = (): void => {
    this.awarenessTimer = undefined;
    if (this.changedAwareness.size === 0) return;
    // Sent to every peer, the sender included: its echo is what keeps the
    // y-websocket client's 30-second silence watchdog from reconnecting.
    const message = awarenessMessage(this.awareness, [...this.changedAwareness]);
    this.lastAwarenessBytes = message.byteLength;
    this.changedAwareness.clear();
    // In a large room participants get `flushCrowd`'s thinner message instead.
    const large = this.isLargeRoom;
    for (const peer of this.peers) if (peer.seesCursors !== false && (!large || peer.facilitates)) peer.send(message);
    if (this.localAwareness.size === 0) return;
    const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...this.localAwareness]);
    this.relay.publishAwareness(this.boardId, update);
    this.localAwareness.clear();
  };

  /**
   * A large room's cursors for participants: the facilitators' and departures at every flush (every
   * `crowdFlushIntervalMs`), and at most `crowdCursorsPerFlush`
   * of the others, those waiting longest first, so that every cursor still arrives, only less often. At 2,000
   * people with 100 dragging, sending them all kept each phone downloading 64 KB/s of cursors (then bounded by
   * `AWARENESS_BYTES_PER_SECOND` at one message every 1.7 s, the facilitator's cursor included).
   *
   * Every participant receives each flush, whatever it carries: the stock y-websocket client reconnects after
   * 30 s without any message, and every client renews its own state every 15 s, so a room with anyone in it
   * flushes at least that often.
   */
  private readonly flushCrowd = (): void => {
    this.crowdTimer = undefined;
    const ids = [...this.crowdFirst];
    this.crowdFirst.clear();
    let others = 0;
    for (const id of this.crowdWaiting) {
      if (others++ >= this.options.crowdCursorsPerFlush) break;
      ids.push(id);
      this.crowdWaiting.delete(id);
    }
    if (ids.length === 0) return;
    const message = awarenessMessage(this.awareness, ids);
    // Facilitators too: the full flush reaches them less often, and they follow each other at this rate.
    for (const peer of this.peers) if (peer.seesCursors !== false) peer.send(message);
    if (this.crowdWaiting.size > 0) this.crowdTimer = setTimeout(this.flushCrowd, this.options.crowdFlushIntervalMs);
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
        const state = Y.encodeStateAsUpdate(this.doc);
        await this.store.replace(this.boardId, state);
        this.approxBytes = state.byteLength;
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
    clearTimeout(this.crowdTimer);
    this.resentDeletions.destroy();
    this.awareness.destroy();
    this.doc.destroy();
  }
}
