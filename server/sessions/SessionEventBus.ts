/**
 * One bus for session events: a command emits one event, and every subsystem's effects module reacts to it,
 * on this instance and (through Redis, `fanout/SessionEvents.ts`) on the others, with the same code. What an
 * instance keeps in memory for its own connections (edit policies, search entries, sockets, loaded boards)
 * thus follows a change wherever it was made, and nothing is written once for "here" and again for "elsewhere".
 */
import type { SessionEvent, SessionEvents } from '../fanout/SessionEvents.js';
import type { Logger } from '../logger.js';

export type { SessionEvent };

/** Where the event was emitted: a few effects are cross-instance broadcasts already, made once, where it happened. */
export type EventOrigin = 'here' | 'elsewhere';

export type SessionEffects = (event: SessionEvent, origin: EventOrigin) => void | Promise<void>;

export class SessionEventBus {
  private readonly effects: SessionEffects[] = [];

  constructor(
    private readonly transport: SessionEvents,
    private readonly log: Logger,
  ) {
    transport.subscribe((event) => void this.deliver(event, 'elsewhere'));
  }

  /** Adds a subsystem's effects module. */
  on(effects: SessionEffects): void {
    this.effects.push(effects);
  }

  /** Runs every effect on this instance (a command answers once they have run), then tells the other instances. */
  async emit(event: SessionEvent): Promise<void> {
    await this.deliver(event, 'here');
    this.transport.publish(event);
  }

  /** One failing effect is logged and does not keep the others from running. */
  private async deliver(event: SessionEvent, origin: EventOrigin): Promise<void> {
    await Promise.all(
      this.effects.map(async (effects) => {
        try {
          await effects(event, origin);
        } catch (err) {
          this.log.error({ err, event, origin }, 'effet d’un événement de session non appliqué');
        }
      }),
    );
  }
}
