/**
 * Sends facilitation state to sockets, as each socket's principal may see it. Changes that come in a burst
 * (a room full of people voting) are sent as one state per socket, read when the window closes; the
 * `facilitation:changed` session event then has every instance send it to its own sockets. Private notes go
 * as changes (`private:changed`), each only to its author and to facilitators.
 */
import { sessionRoom } from '../../shared/socketEvents.js';
import type { SessionEventBus } from '../sessions/SessionEventBus.js';
import type { TrameIo, TrameSocket } from './attachRealtime.js';
import type { CameraCache } from './CameraCache.js';
import type { FacilitationState } from './facilitationRecord.js';
import { presentFacilitation, visiblePrivateNotes } from './presentFacilitation.js';
import { privateNotesChangeFor, type TouchedNote } from './privateNoteChanges.js';

const BROADCAST_WINDOW_MS = 40;

/** Who needs the state again: everyone, or only facilitators (nothing changed but private notes, whose count they see). */
export type StateAudience = 'everyone' | 'facilitators';

export interface BroadcasterDeps {
  io: TrameIo;
  bus: SessionEventBus;
  now: () => number;
  cameras: CameraCache;
  /** The session's current state (the facilitation service's reading of the store). */
  read(sessionId: string): Promise<FacilitationState>;
}

interface PendingBroadcast {
  stateFor: StateAudience;
  notes: Map<string, TouchedNote>;
}

export class FacilitationBroadcaster {
  private readonly pending = new Map<string, PendingBroadcast>();

  constructor(private readonly deps: BroadcasterDeps) {}

  /** Sends the state and the touched private notes to those concerned once the burst window closes. */
  schedule(sessionId: string, stateFor: StateAudience, touched: readonly TouchedNote[]): void {
    let entry = this.pending.get(sessionId);
    if (!entry) {
      const created: PendingBroadcast = { stateFor, notes: new Map() };
      entry = created;
      this.pending.set(sessionId, created);
      setTimeout(() => {
        this.pending.delete(sessionId);
        const privateNotes = [...created.notes.values()];
        void this.deps.bus.emit({ type: 'facilitation:changed', sessionId, stateFor: created.stateFor, privateNotes });
      }, BROADCAST_WINDOW_MS);
    } else if (stateFor === 'everyone') {
      entry.stateFor = 'everyone';
    }
    for (const note of touched) entry.notes.set(note.id, note);
  }

  /**
   * Sends the stored state to this instance's sockets. Each instance serves its
   * own: asking every instance for its sockets (fetchSockets over Redis) waits
   * for all to answer, and one going away mid-request dropped the update for
   * everyone after a 5 s timeout.
   */
  async broadcast(sessionId: string, stateFor: StateAudience, touched: readonly TouchedNote[]): Promise<void> {
    const record = await this.deps.read(sessionId);
    const now = this.deps.now();
    for (const socket of await this.deps.io.local.in(sessionRoom(sessionId)).fetchSockets()) {
      const { principal } = socket.data;
      if (stateFor === 'everyone' || principal.role === 'facilitator') {
        socket.emit('facilitation:state', presentFacilitation(record, principal, now));
      }
      const change = touched.length > 0 ? privateNotesChangeFor(record, touched, principal) : null;
      if (change) socket.emit('private:changed', change);
    }
  }

  /** What a socket needs on connecting: the state, its private notes, and where to look if following. */
  async greet(socket: TrameSocket): Promise<void> {
    const { principal } = socket.data;
    const record = await this.deps.read(principal.sessionId);
    socket.emit('facilitation:state', presentFacilitation(record, principal, this.deps.now()));
    socket.emit('private:notes', visiblePrivateNotes(record, principal));
    const bounds = this.deps.cameras.get(principal.sessionId);
    if (record.follow && bounds && record.follow.leaderId !== principal.participantId) {
      socket.emit('follow:camera', bounds);
    }
  }
}
