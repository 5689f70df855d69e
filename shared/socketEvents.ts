/**
 * The one typed contract of socket.io events between client and server.
 * Names are namespaced verbs; payloads are validated on arrival by the server.
 * The handshake carries `query: { sessionId, token }`.
 */
import type { ParticipantView } from './sessionSchemas.js';

/** Every acknowledgement: success with data, or a named error with a French message. */
export type Ack<T = undefined> = (result: { ok: true; data: T } | { ok: false; code: string; message: string }) => void;

export interface ServerToClientEvents {
  /** To facilitators: the participant list changed (join, leave, removal). */
  'participants:changed': (participants: ParticipantView[]) => void;
  /** To the removed participant, just before the server disconnects them. */
  'session:removed': () => void;
  /** To everyone: the session's title, status or colour setting changed. */
  'session:changed': (change: { status: string; colorByCollege: boolean; title: string }) => void;
}

export interface ClientToServerEvents {
  'participants:list': (ack: Ack<ParticipantView[]>) => void;
}

export interface SocketData {
  principal: import('./roles.js').Principal;
}

/** Socket.io rooms, named by function so call sites never concatenate strings. */
export const sessionRoom = (sessionId: string) => `session:${sessionId}`;
export const facilitatorsRoom = (sessionId: string) => `session:${sessionId}:facilitators`;
export const participantRoom = (sessionId: string, participantId: string) => `session:${sessionId}:p:${participantId}`;
