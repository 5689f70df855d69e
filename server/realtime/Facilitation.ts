/**
 * The facilitation state of every session: read and changed through the
 * FacilitationStore, then sent to each socket as that socket's principal
 * may see it. Handlers (one file per concern) go through `change`.
 */
import type { CameraBounds } from '../../shared/facilitation.js';
import { sessionRoom } from '../../shared/socketEvents.js';
import type { Boards, LiveRecords } from '../board/Boards.js';
import type { SessionEventBus } from '../sessions/SessionEventBus.js';
import type { Logger } from '../logger.js';
import type { SessionPolicy } from '../sessions/SessionPolicy.js';
import type { SessionService } from '../sessions/SessionService.js';
import type { FacilitationRecord, FacilitationStore } from '../storage/FacilitationStore.js';
import type { TrameIo, TrameSocket } from './attachRealtime.js';
import { facilitationSessionNotFound } from './FacilitationError.js';
import { presentFacilitation, visiblePrivateNotes } from './presentFacilitation.js';
import { stepsFromSession, withNewSessionSteps } from './sessionSteps.js';

export interface FacilitationDeps {
  io: TrameIo;
  store: FacilitationStore;
  sessions: SessionService;
  boards: Boards;
  log: Logger;
  /** Carries a pause (enforced from memory by every instance's Yjs connections) and state changes to every instance. */
  bus: SessionEventBus;
  now?: () => number;
}

const BROADCAST_WINDOW_MS = 40;

export class Facilitation {
  readonly io: TrameIo;
  readonly store: FacilitationStore;
  readonly sessions: SessionService;
  readonly boards: Boards;
  readonly log: Logger;
  readonly now: () => number;
  private readonly bus: SessionEventBus;
  /** The leader's last camera per session: memory only, it changes many times a second. */
  readonly leaderBounds = new Map<string, CameraBounds>();
  private readonly pendingBroadcasts = new Map<string, { withNotes: boolean }>();

  constructor(deps: FacilitationDeps) {
    this.io = deps.io;
    this.store = deps.store;
    this.sessions = deps.sessions;
    this.boards = deps.boards;
    this.log = deps.log;
    this.now = deps.now ?? Date.now;
    this.bus = deps.bus;
  }

  async get(sessionId: string): Promise<FacilitationRecord> {
    const [stored, sessionSteps] = await Promise.all([this.store.get(sessionId), this.sessionSteps(sessionId)]);
    return stored ? withNewSessionSteps(stored, sessionSteps) : this.initial(sessionSteps)();
  }

  private async sessionSteps(sessionId: string): Promise<readonly unknown[]> {
    const session = await this.sessions.get(sessionId);
    if (!session) throw facilitationSessionNotFound();
    return session.steps ?? [];
  }

  private initial(sessionSteps: readonly unknown[]): () => FacilitationRecord {
    return () => ({
      timer: null,
      steps: stepsFromSession(sessionSteps),
      importedSessionSteps: sessionSteps.length,
      currentStepId: null,
      paused: false,
      privateWriting: false,
      follow: null,
      vote: null,
      privateNotes: {},
    });
  }

  /** Applies `change` atomically, then sends the new state to everyone in the session. */
  async change(
    sessionId: string,
    change: (current: FacilitationRecord) => FacilitationRecord,
    options: { privateNotes?: boolean } = {},
  ): Promise<FacilitationRecord> {
    const sessionSteps = await this.sessionSteps(sessionId);
    let wasPaused = false;
    const record = await this.store.update(sessionId, this.initial(sessionSteps), (current) => {
      wasPaused = current.paused;
      return change(withNewSessionSteps(current, sessionSteps));
    });
    if (record.paused !== wasPaused) await this.bus.emit({ type: 'board:paused', sessionId, paused: record.paused });
    this.scheduleBroadcast(sessionId, options.privateNotes ?? false);
    return record;
  }

  /** The session's edit policy with its pause restored, also after a restart. */
  async livePolicy(sessionId: string): Promise<SessionPolicy> {
    const policy = await this.sessions.policy(sessionId);
    policy.paused = (await this.store.get(sessionId))?.paused ?? false;
    return policy;
  }

  /** Sends the state again after something outside facilitation changed it (a canvas brought new steps). */
  refresh(sessionId: string): void {
    this.scheduleBroadcast(sessionId, false);
  }

  /**
   * Changes that come in a burst (a room full of people voting) are sent as
   * one state per socket, read when the window closes.
   */
  private scheduleBroadcast(sessionId: string, withNotes: boolean): void {
    const pending = this.pendingBroadcasts.get(sessionId);
    if (pending) {
      pending.withNotes ||= withNotes;
      return;
    }
    const entry = { withNotes };
    this.pendingBroadcasts.set(sessionId, entry);
    setTimeout(() => {
      this.pendingBroadcasts.delete(sessionId);
      void this.bus.emit({ type: 'facilitation:changed', sessionId, withNotes: entry.withNotes });
    }, BROADCAST_WINDOW_MS);
  }

  /**
   * Sends the stored state to this instance's sockets. Each instance serves its
   * own: asking every instance for its sockets (fetchSockets over Redis) waits
   * for all to answer, and one going away mid-request dropped the update for
   * everyone after a 5 s timeout.
   */
  async broadcast(sessionId: string, withNotes: boolean): Promise<void> {
    const record = await this.get(sessionId);
    const now = this.now();
    for (const socket of await this.io.local.in(sessionRoom(sessionId)).fetchSockets()) {
      socket.emit('facilitation:state', presentFacilitation(record, socket.data.principal, now));
      if (withNotes) socket.emit('private:notes', visiblePrivateNotes(record, socket.data.principal));
    }
  }

  /** What a socket needs on connecting: the state, its private notes, and where to look if following. */
  async greet(socket: TrameSocket): Promise<void> {
    const { principal } = socket.data;
    const record = await this.get(principal.sessionId);
    socket.emit('facilitation:state', presentFacilitation(record, principal, this.now()));
    socket.emit('private:notes', visiblePrivateNotes(record, principal));
    const bounds = this.leaderBounds.get(principal.sessionId);
    if (record.follow && bounds && record.follow.leaderId !== principal.participantId) {
      socket.emit('follow:camera', bounds);
    }
  }

  /** Reads the board's records (loading the board if nobody is on it). */
  withRecords<T>(sessionId: string, use: (records: LiveRecords) => T): Promise<T> {
    return this.boards.read(sessionId, use);
  }
}
