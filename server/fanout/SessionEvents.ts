/**
 * What one instance tells the others about sessions, so that state they
 * keep in memory for open connections follows: a session's edit policy, a
 * removed participant's board sockets, a deleted session's loaded board, and
 * facilitation state each instance sends its own sockets.
 * (socket.io rooms already span instances through the Redis adapter.)
 */
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import type { Logger } from '../logger.js';

const CHANNEL = 'trame:sessions';

const sessionEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('session:changed'), sessionId: z.string().min(1) }),
  z.object({ type: z.literal('session:deleted'), sessionId: z.string().min(1) }),
  z.object({ type: z.literal('participant:removed'), sessionId: z.string().min(1), participantId: z.string().min(1) }),
  /** The facilitator paused or resumed the board: every instance's edit policy follows. */
  z.object({ type: z.literal('board:paused'), sessionId: z.string().min(1), paused: z.boolean() }),
  /**
   * Facilitation state changed in the shared store: every instance sends it to its own sockets (to everyone, or
   * to facilitators only), and the private notes it touched (ids and authors, never their text) to those who may see them.
   */
  z.object({
    type: z.literal('facilitation:changed'),
    sessionId: z.string().min(1),
    stateFor: z.enum(['everyone', 'facilitators']),
    privateNotes: z.array(z.object({ id: z.string().min(1), authorId: z.string().min(1) })),
  }),
]);

export type SessionEvent = z.infer<typeof sessionEventSchema>;

export interface SessionEvents {
  /** Tells the other instances (never this one). */
  publish(event: SessionEvent): void;
  /** Handles events from other instances. */
  subscribe(handler: (event: SessionEvent) => void): void;
}

export const localOnlySessionEvents: SessionEvents = { publish: () => {}, subscribe: () => {} };

export function redisSessionEvents(pub: Redis, sub: Redis, log: Logger): SessionEvents {
  const origin = randomUUID();
  const handlers: ((event: SessionEvent) => void)[] = [];
  // Subscribed again after every reconnection by ioredis (autoResubscribe).
  sub.subscribe(CHANNEL).catch((err) => log.warn({ err }, 'abonnement aux événements de session impossible'));
  sub.on('message', (channel: string, message: string) => {
    if (channel !== CHANNEL) return;
    let parsed;
    try {
      parsed = z.object({ origin: z.string(), event: sessionEventSchema }).parse(JSON.parse(message));
    } catch (err) {
      log.warn({ err }, 'événement de session illisible, ignoré');
      return;
    }
    if (parsed.origin === origin) return;
    for (const handler of handlers) handler(parsed.event);
  });
  return {
    publish(event) {
      pub.publish(CHANNEL, JSON.stringify({ origin, event })).catch((err) =>
        log.error({ err, event }, 'événement de session non transmis aux autres instances'),
      );
    },
    subscribe(handler) {
      handlers.push(handler);
    },
  };
}
