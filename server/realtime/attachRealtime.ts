/**
 * socket.io for everything that is not board content: the participant list
 * now, facilitation later. The handshake is authenticated before the
 * connection is accepted; each socket joins its session's rooms.
 */
import type { Server, Socket } from 'socket.io';
import {
  facilitatorsRoom,
  participantRoom,
  sessionRoom,
  type ClientToServerEvents,
  type ServerToClientEvents,
  type SocketData,
} from '../../shared/socketEvents.js';
import type { Logger } from '../logger.js';
import { presentParticipant } from '../sessions/SessionAccess.js';
import type { SessionService } from '../sessions/SessionService.js';

/** How often, at most, facilitators receive the participant list while people arrive or leave. */
const PARTICIPANT_LIST_INTERVAL_MS = 500;

export type TrameIo = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
export type TrameSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

export interface Realtime {
  /** Participant ids with at least one socket open, per session. */
  connectedIds(sessionId: string): Set<string>;
  broadcastParticipants(sessionId: string): Promise<void>;
  /** Sends the session's state to this instance's sockets. */
  sendSession(sessionId: string): Promise<void>;
  /** Tells a removed participant's sockets on this instance, and closes them. */
  disconnectParticipant(sessionId: string, participantId: string): void;
}

export function attachRealtime(
  io: TrameIo,
  sessions: SessionService,
  log: Logger,
): Realtime {
  const connected = new Map<string, Map<string, number>>();

  const connectedIds = (sessionId: string) => new Set(connected.get(sessionId)?.keys() ?? []);

  const sendParticipants = async (sessionId: string) => {
    const list = await sessions.access.participants(sessionId).catch(() => []);
    const online = connectedIds(sessionId);
    io.to(facilitatorsRoom(sessionId)).emit(
      'participants:changed',
      list.map((p) => presentParticipant(p, online.has(p.id))),
    );
  };

  // Every join, connection and departure changes the list: a plenary of 2,000 phones arriving asked for 4,000
  // lists of up to 2,000 people each (gigabytes for each facilitator). The list goes out at most once per
  // interval, always with the latest state; a change during a send schedules the next one.
  const pendingLists = new Map<string, Promise<void>>();
  const lastListAt = new Map<string, number>();
  const broadcastParticipants = (sessionId: string): Promise<void> => {
    const pending = pendingLists.get(sessionId);
    if (pending) return pending;
    const wait = Math.max(0, (lastListAt.get(sessionId) ?? -Infinity) + PARTICIPANT_LIST_INTERVAL_MS - Date.now());
    const sent = new Promise<void>((resolve) => setTimeout(resolve, wait).unref()).then(() => {
      pendingLists.delete(sessionId);
      lastListAt.set(sessionId, Date.now());
      return sendParticipants(sessionId);
    });
    pendingLists.set(sessionId, sent);
    return sent;
  };

  io.use(async (socket, next) => {
    const { sessionId, token } = socket.handshake.query;
    if (typeof sessionId !== 'string' || typeof token !== 'string') {
      return next(Object.assign(new Error('unauthorized'), { data: { code: 'unauthorized' } }));
    }
    try {
      const principal = await sessions.access.resolveToken(sessionId, token);
      if (!principal) return next(Object.assign(new Error('unauthorized'), { data: { code: 'unauthorized' } }));
      socket.data.principal = principal;
      next();
    } catch (err) {
      log.error({ err }, 'socket authentication failed');
      next(new Error('unavailable'));
    }
  });

  io.on('connection', (socket: TrameSocket) => {
    const { sessionId, participantId, role } = socket.data.principal;
    void socket.join([sessionRoom(sessionId), participantRoom(sessionId, participantId)]);
    if (role === 'facilitator') void socket.join(facilitatorsRoom(sessionId));
    const counts = connected.get(sessionId) ?? new Map<string, number>();
    connected.set(sessionId, counts);
    counts.set(participantId, (counts.get(participantId) ?? 0) + 1);
    void broadcastParticipants(sessionId);

    socket.on('participants:list', async (ack) => {
      if (typeof ack !== 'function') return;
      if (role !== 'facilitator') {
        return ack({ ok: false, code: 'forbidden', message: "Cette action est réservée à l'animation de l'atelier." });
      }
      const list = await sessions.access.participants(sessionId);
      const online = connectedIds(sessionId);
      ack({ ok: true, data: list.map((p) => presentParticipant(p, online.has(p.id))) });
    });

    socket.on('heartbeat', (ack) => {
      if (typeof ack === 'function') ack();
    });

    socket.on('disconnect', () => {
      const left = (counts.get(participantId) ?? 1) - 1;
      if (left > 0) counts.set(participantId, left);
      else counts.delete(participantId);
      if (counts.size === 0) {
        connected.delete(sessionId);
        lastListAt.delete(sessionId);
      }
      void broadcastParticipants(sessionId);
    });
  });

  return {
    connectedIds,
    broadcastParticipants,
    async sendSession(sessionId) {
      const session = await sessions.get(sessionId);
      if (!session) return;
      io.local.to(sessionRoom(sessionId)).emit('session:changed', {
        status: session.status,
        colorByCollege: session.colorByCollege,
        title: session.title,
        contributionsWithdrawn: session.contributionsWithdrawn ?? 0,
      });
    },
    disconnectParticipant(sessionId, participantId) {
      const room = participantRoom(sessionId, participantId);
      io.local.to(room).emit('session:removed');
      io.local.in(room).disconnectSockets(true);
    },
  };
}
