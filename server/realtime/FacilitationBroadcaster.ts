/**
 * Sends facilitation state to sockets, as each socket's principal may see it. Changes that come in a burst
 * (a room full of people voting) are sent as one state per socket, read when the window closes; the
 * `facilitation:changed` session event then has every instance send it to its own sockets.
 */
import { sessionRoom } from '../../shared/socketEvents.js';
import type { SessionEventBus } from '../sessions/SessionEventBus.js';
import type { TrameIo, TrameSocket } from './attachRealtime.js';
import type { CameraCache } from './CameraCache.js';
import type { FacilitationRecord } from './facilitationRecord.js';
import { presentFacilitation, visiblePrivateNotes } from './presentFacilitation.js';

const BROADCAST_WINDOW_MS = 40;

export interface BroadcasterDeps {
  io: TrameIo;
  bus: SessionEventBus;
  now: () => number;
  cameras: CameraCache;
  /** The session's current state (the facilitation service's reading of the store). */
  read(sessionId: string): Promise<FacilitationRecord>;
}

export class FacilitationBroadcaster {
  private readonly pending = new Map<string, { withNotes: boolean }>();

  constructor(private readonly deps: BroadcasterDeps) {}

  /** Sends the state to everyone in the session once the burst window closes. */
  schedule(sessionId: string, withNotes: boolean): void {
    const pending = this.pending.get(sessionId);
    if (pending) {
      pending.withNotes ||= withNotes;
      return;
    }
    const entry = { withNotes };
    this.pending.set(sessionId, entry);
    setTimeout(() => {
      this.pending.delete(sessionId);
      void this.deps.bus.emit({ type: 'facilitation:changed', sessionId, withNotes: entry.withNotes });
    }, BROADCAST_WINDOW_MS);
  }

  /**
   * Sends the stored state to this instance's sockets. Each instance serves its
   * own: asking every instance for its sockets (fetchSockets over Redis) waits
   * for all to answer, and one going away mid-request dropped the update for
   * everyone after a 5 s timeout.
   */
  async broadcast(sessionId: string, withNotes: boolean): Promise<void> {
    const record = await this.deps.read(sessionId);
    const now = this.deps.now();
    for (const socket of await this.deps.io.local.in(sessionRoom(sessionId)).fetchSockets()) {
      socket.emit('facilitation:state', presentFacilitation(record, socket.data.principal, now));
      if (withNotes) socket.emit('private:notes', visiblePrivateNotes(record, socket.data.principal));
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
