/**
 * The facilitation service: the rules of a session's facilitation state, read and changed atomically
 * through the FacilitationStore. Handlers (one file per concern) go through `change`; the broadcaster sends
 * the result to sockets, and the camera cache keeps the follow-me leader's view.
 */
import type { Boards, LiveRecords } from '../board/Boards.js';
import type { Logger } from '../logger.js';
import type { SessionEventBus } from '../sessions/SessionEventBus.js';
import type { SessionPolicy } from '../sessions/SessionPolicy.js';
import type { SessionService } from '../sessions/SessionService.js';
import type { FacilitationStore } from '../storage/FacilitationStore.js';
import type { TrameIo } from './attachRealtime.js';
import { CameraCache } from './CameraCache.js';
import { FacilitationBroadcaster } from './FacilitationBroadcaster.js';
import type { WorkshopLifecycle } from '../sessions/WorkshopLifecycle.js';
import { facilitationSessionNotFound } from './FacilitationError.js';
import type { FacilitationRecord, FacilitationState } from './facilitationRecord.js';
import type { Step, stepsSetPayload } from '../../shared/facilitation.js';
import type { z } from 'zod';
import { withoutContributionsOf } from './withdrawnContributions.js';
import { touchedNotes, type TouchedNote } from './privateNoteChanges.js';

export interface FacilitationDeps {
  io: TrameIo;
  store: FacilitationStore;
  sessions: SessionService;
  boards: Boards;
  log: Logger;
  /** Carries a pause (enforced from memory by every instance's Yjs connections) and state changes to every instance. */
  bus: SessionEventBus;
  /** Moves the session's status as the workshop goes (the first step starts it). */
  lifecycle?: WorkshopLifecycle;
  now?: () => number;
}

export class Facilitation {
  private readonly store: FacilitationStore;
  private readonly bus: SessionEventBus;
  private readonly sessions: SessionService;
  readonly boards: Boards;
  readonly log: Logger;
  readonly now: () => number;
  readonly cameras = new CameraCache();
  readonly broadcaster: FacilitationBroadcaster;
  readonly lifecycle: WorkshopLifecycle | undefined;

  constructor(deps: FacilitationDeps) {
    this.store = deps.store;
    this.bus = deps.bus;
    this.sessions = deps.sessions;
    this.boards = deps.boards;
    this.log = deps.log;
    this.now = deps.now ?? Date.now;
    this.broadcaster = new FacilitationBroadcaster({
      io: deps.io,
      bus: deps.bus,
      now: this.now,
      cameras: this.cameras,
      read: (sessionId) => this.get(sessionId),
    });
    this.lifecycle = deps.lifecycle;
  }

  async get(sessionId: string): Promise<FacilitationState> {
    const [stored, steps] = await Promise.all([this.store.get(sessionId), this.steps(sessionId)]);
    return { ...(stored ?? initial()), steps };
  }

  /** The déroulé is the session's: read from its record, never copied into facilitation's. */
  private async steps(sessionId: string): Promise<Step[]> {
    const session = await this.sessions.get(sessionId);
    if (!session) throw facilitationSessionNotFound();
    return session.steps ?? [];
  }

  /**
   * Applies `change` atomically, then sends the new state to those it concerns: everyone, or only
   * facilitators when nothing but private notes changed (their count); and the notes it touched as changes
   * to their authors and facilitators. `change` sees the session's steps beside the record; they are not
   * stored with it.
   */
  async change(sessionId: string, change: (current: FacilitationState) => FacilitationRecord): Promise<FacilitationState> {
    const steps = await this.steps(sessionId);
    let wasPaused = false;
    let touched: TouchedNote[] = [];
    let onlyNotes = false;
    const record = await this.store.update(sessionId, initial, (current) => {
      wasPaused = current.paused;
      const changed: FacilitationRecord & { steps?: Step[] } = change({ ...current, steps });
      const { steps: _theSessions, ...next } = changed;
      touched = touchedNotes(current, next);
      onlyNotes = touched.length > 0 && sameApartFromNotes(current, next);
      return next;
    });
    if (record.paused !== wasPaused) await this.bus.emit({ type: 'board:paused', sessionId, paused: record.paused });
    this.broadcaster.schedule(sessionId, onlyNotes ? 'facilitators' : 'everyone', touched);
    return { ...record, steps };
  }

  /** The facilitator's edit of the déroulé: stored with the session; a removed current step is no longer current. */
  async setSteps(sessionId: string, edited: z.output<typeof stepsSetPayload>['steps']): Promise<void> {
    const steps = await this.sessions.setSteps(sessionId, edited);
    await this.change(sessionId, (current) =>
      steps.some((s) => s.id === current.currentStepId) ? current : { ...current, currentStepId: null },
    );
  }

  /** Removes a withdrawing participant's private notes and dots, and others' dots on their removed notes. */
  async withdraw(sessionId: string, participantId: string, removedNotes: ReadonlySet<string>): Promise<{ privateNotes: number; dots: number }> {
    let counts = { privateNotes: 0, dots: 0 };
    await this.change(
      sessionId,
      (current) => {
        const { record, ...withdrawn } = withoutContributionsOf(current, participantId, removedNotes);
        counts = withdrawn;
        return record;
      },
    );
    return counts;
  }

  /** Removes the private notes never revealed (an archived workshop, the retention purge); how many. */
  async dropPrivateNotes(sessionId: string): Promise<number> {
    const stored = await this.store.get(sessionId);
    if (!stored || Object.keys(stored.privateNotes).length === 0) return 0;
    let dropped = 0;
    await this.change(
      sessionId,
      (current) => {
        dropped = Object.keys(current.privateNotes).length;
        return { ...current, privateNotes: {} };
      },
    );
    return dropped;
  }

  /** The session's edit policy with its pause restored, also after a restart. */
  async livePolicy(sessionId: string): Promise<SessionPolicy> {
    const policy = await this.sessions.policy(sessionId);
    policy.paused = (await this.store.get(sessionId))?.paused ?? false;
    return policy;
  }

  /** Sends the state again after something outside facilitation changed it (a canvas brought new steps). */
  refresh(sessionId: string): void {
    this.broadcaster.schedule(sessionId, 'everyone', []);
  }

  /** Who leads follow-me in the session now (read straight from the store: cameras move many times a second). */
  async leaderOf(sessionId: string): Promise<string | undefined> {
    return (await this.store.get(sessionId))?.follow?.leaderId;
  }

  /** Reads the board's records (loading the board if nobody is on it). */
  withRecords<T>(sessionId: string, use: (records: LiveRecords) => T): Promise<T> {
    return this.boards.read(sessionId, use);
  }
}

/** Whether two states differ only in their private notes (what participants see of them is then unchanged). */
function sameApartFromNotes(a: FacilitationRecord, b: FacilitationRecord): boolean {
  const { privateNotes: _a, ...restA } = a;
  const { privateNotes: _b, ...restB } = b;
  return JSON.stringify(restA) === JSON.stringify(restB);
}

function initial(): FacilitationRecord {
  return {
    timer: null,
    currentStepId: null,
    paused: false,
    privateWriting: false,
    follow: null,
    vote: null,
    privateNotes: {},
  };
}
