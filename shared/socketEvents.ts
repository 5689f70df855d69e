/**
 * The one typed contract of socket.io events between client and server.
 * Names are namespaced verbs; payloads are validated on arrival by the server.
 * The handshake carries `query: { sessionId, token }`.
 */
import type { z } from 'zod';
import type * as F from './facilitation.js';
import type { ParticipantView } from './sessionSchemas.js';
import type { Refusal } from './errorCodes.js';

/** Every acknowledgement: success with data, or a named error with a French message. */
export type Ack<T = undefined> = (result: { ok: true; data: T } | ({ ok: false } & Refusal)) => void;

export interface ServerToClientEvents {
  /** To facilitators: the participant list changed (join, leave, removal). */
  'participants:changed': (participants: ParticipantView[]) => void;
  /** To the removed participant, just before the server disconnects them. */
  'session:removed': () => void;
  /** To everyone: the session's title, status or colour setting changed, or someone withdrew their contributions. */
  'session:changed': (change: { status: string; colorByCollege: boolean; title: string; contributionsWithdrawn: number }) => void;
  /** To each socket on connect and after every change: facilitation as this principal sees it. */
  'facilitation:state': (state: F.FacilitationView) => void;
  /** To everyone while they follow the facilitator: the page area to show. */
  'follow:camera': (bounds: F.CameraBounds) => void;
  /** On connecting, to an author (their own) and to facilitators (everyone's): the private notes awaiting the reveal. */
  'private:notes': (notes: F.PrivateNotes) => void;
  /** Then, to the same people only: what changed among those notes (never another participant's note). */
  'private:changed': (change: F.PrivateNotesChange) => void;
}

/** A facilitation command: a validated payload and an acknowledgement. */
type Command<S extends z.ZodType> = (payload: z.input<S>, ack: Ack) => void;

export interface ClientToServerEvents {
  'participants:list': (ack: Ack<ParticipantView[]>) => void;
  'facilitation:get': (ack: Ack<F.FacilitationView>) => void;
  /** Answered at once: lets a device notice a silent network loss within seconds. */
  heartbeat: (ack: () => void) => void;
  // Facilitators only:
  'timer:start': Command<typeof F.timerStartPayload>;
  'timer:pause': Command<typeof F.empty>;
  'timer:resume': Command<typeof F.empty>;
  'timer:addMinute': Command<typeof F.empty>;
  'timer:stop': Command<typeof F.empty>;
  'steps:set': Command<typeof F.stepsSetPayload>;
  'steps:go': Command<typeof F.stepsGoPayload>;
  'pause:set': Command<typeof F.pauseSetPayload>;
  'follow:start': Command<typeof F.empty>;
  'follow:stop': Command<typeof F.empty>;
  /** The leader's camera, throttled; no acknowledgement, it is superseded at once. */
  'follow:camera': (bounds: F.CameraBounds) => void;
  'vote:open': Command<typeof F.voteSettingsSchema>;
  'vote:close': Command<typeof F.empty>;
  'vote:clear': Command<typeof F.empty>;
  'private:set': Command<typeof F.privateWritingSetPayload>;
  'private:reveal': Command<typeof F.empty>;
  /** preparation → running without a déroulé (a step does it too). */
  'workshop:start': Command<typeof F.empty>;
  /** Ends the workshop: stops the timer, closes an open vote, tells participants. */
  'workshop:end': Command<typeof F.empty>;
  // Participants:
  'vote:cast': Command<typeof F.votePayload>;
  'vote:withdraw': Command<typeof F.votePayload>;
  'private:upsert': Command<typeof F.privateUpsertPayload>;
  'private:delete': Command<typeof F.privateDeletePayload>;
  // Anyone who may edit the board:
  /** Grows a full zone by one row (the list view asks before sending a note to the débordement band). */
  'zone:grow': Command<typeof F.zoneGrowPayload>;
}

export interface SocketData {
  principal: import('./roles.js').Principal;
}

/** Socket.io rooms, named by function so call sites never concatenate strings. */
export const sessionRoom = (sessionId: string) => `session:${sessionId}`;
export const facilitatorsRoom = (sessionId: string) => `session:${sessionId}:facilitators`;
export const participantRoom = (sessionId: string, participantId: string) => `session:${sessionId}:p:${participantId}`;
