/**
 * Board messages between instances over Redis pub/sub: one channel per
 * loaded board, so an instance hears only the boards it serves. A message is
 * `[kind][sender instance id: 16 bytes][payload]`; an instance ignores its
 * own (Redis echoes them to every subscriber).
 *
 * Pub/sub keeps nothing for a subscriber that was away. So whenever a
 * message may have been missed — the subscription came back, or a publish
 * failed — the boards concerned re-read the shared store, which holds every
 * update before it is published.
 */
import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Logger } from '../logger.js';
import type { BoardRelay, RelaySink } from './BoardRelay.js';

const CHANNEL_PREFIX = 'trame:board:';
const HEADER_BYTES = 17;
const CATCH_UP_RETRY_MS = 2_000;

const Kind = { Update: 0, Awareness: 1, CatchUp: 2 } as const;

export const boardChannel = (boardId: string) => CHANNEL_PREFIX + boardId;

export class RedisBoardRelay implements BoardRelay {
  private readonly instanceId = randomBytes(16);
  private readonly sinks = new Map<string, RelaySink>();
  /** Boards whose last publish failed: the other instances must be told to catch up. */
  private readonly unpublished = new Set<string>();
  private readonly retries = new Set<NodeJS.Timeout>();

  /** `pub` and `sub` must not queue commands while disconnected: a failure must show at once. */
  constructor(
    private readonly pub: Redis,
    private readonly sub: Redis,
    private readonly log: Logger,
  ) {
    sub.on('messageBuffer', this.receive);
    sub.on('ready', () => void this.resubscribe());
    pub.on('ready', this.announceUnpublished);
  }

  async join(boardId: string, sink: RelaySink): Promise<void> {
    this.sinks.set(boardId, sink);
    // While Redis is away the board loads anyway; `resubscribe` subscribes it and catches it up.
    if (this.sub.status !== 'ready') return;
    await this.sub.subscribe(boardChannel(boardId)).catch((err) => {
      this.log.warn({ err, boardId }, 'abonnement Redis impossible ; rattrapage au retour de Redis');
    });
  }

  leave(boardId: string, sink: RelaySink): void {
    if (this.sinks.get(boardId) !== sink) return;
    this.sinks.delete(boardId);
    this.unpublished.delete(boardId);
    if (this.sub.status !== 'ready') return;
    this.sub.unsubscribe(boardChannel(boardId)).catch((err) => this.log.debug({ err, boardId }, 'unsubscribe failed'));
  }

  publishUpdate(boardId: string, update: Uint8Array): void {
    this.publish(boardId, Kind.Update, update);
  }

  publishAwareness(boardId: string, update: Uint8Array): void {
    this.publish(boardId, Kind.Awareness, update);
  }

  close(): void {
    for (const timer of this.retries) clearTimeout(timer);
    this.retries.clear();
    this.sinks.clear();
  }

  private publish(boardId: string, kind: number, payload: Uint8Array): void {
    const message = Buffer.concat([Buffer.from([kind]), this.instanceId, payload]);
    this.pub.publish(boardChannel(boardId), message).catch((err) => {
      // A lost cursor frame is renewed by its client within 15 s; only stored updates need a catch-up.
      if (kind === Kind.Awareness) return;
      if (this.unpublished.size === 0) this.log.warn({ err }, 'publication Redis impossible ; les autres instances rattraperont');
      this.unpublished.add(boardId);
    });
  }

  private readonly announceUnpublished = (): void => {
    for (const boardId of this.unpublished) this.publish(boardId, Kind.CatchUp, new Uint8Array());
    this.unpublished.clear();
  };

  private readonly receive = (channel: Buffer, message: Buffer): void => {
    const boardId = channel.toString().slice(CHANNEL_PREFIX.length);
    const sink = this.sinks.get(boardId);
    if (!sink || message.byteLength < HEADER_BYTES) return;
    if (message.subarray(1, HEADER_BYTES).equals(this.instanceId)) return;
    const payload = new Uint8Array(message.subarray(HEADER_BYTES));
    try {
      if (message[0] === Kind.Update) sink.applyRemoteUpdate(payload);
      else if (message[0] === Kind.Awareness) sink.applyRemoteAwareness(payload);
      else if (message[0] === Kind.CatchUp) this.catchUp(boardId, sink);
    } catch (err) {
      this.log.error({ err, boardId }, 'message Redis illisible ; rattrapage depuis la base');
      this.catchUp(boardId, sink);
    }
  };

  /** After a reconnection: subscribe every loaded board again, then read what was missed. */
  private async resubscribe(): Promise<void> {
    const boards = [...this.sinks.keys()];
    if (boards.length === 0) return;
    try {
      await this.sub.subscribe(...boards.map(boardChannel));
    } catch (err) {
      this.log.warn({ err }, 'réabonnement Redis impossible');
      return;
    }
    this.log.info({ boards: boards.length }, 'Redis de retour : rattrapage des tableaux chargés');
    for (const boardId of boards) {
      const sink = this.sinks.get(boardId);
      if (sink) this.catchUp(boardId, sink);
    }
  }

  private catchUp(boardId: string, sink: RelaySink): void {
    sink.catchUp().catch((err) => {
      this.log.warn({ err, boardId }, 'rattrapage impossible ; nouvel essai');
      const timer = setTimeout(() => {
        this.retries.delete(timer);
        if (this.sinks.get(boardId) === sink) this.catchUp(boardId, sink);
      }, CATCH_UP_RETRY_MS);
      this.retries.add(timer);
    });
  }
}
