/**
 * Holds back what simulated participants receive while the load runs, then
 * hands it to their y-websocket providers in arrival order, each message
 * stamped with the time it reached the socket.
 *
 * On a 2-core host, 300 clients applying 150 edits/s each need more CPU than
 * the host has, so a live run measures the simulation, not the server. Every
 * real participant has a device of its own: what a device does with a message
 * once it has arrived is its own work, replayed here after the load and
 * reported as such (see `replayCpuMs`).
 */
import WebSocket from 'ws';
import { now } from './roomLoadProtocol.js';

type MessageHandler = (event: WebSocket.MessageEvent) => void;

interface Held {
  deliver: () => void;
  arrivedAt: number;
}

/** Messages handed over per turn of the event loop, so pings are still answered. */
const REPLAY_SLICE = 500;

export class ReceptionGate {
  private state: 'live' | 'holding' | 'closed' = 'live';
  private held: Held[] = [];
  private replayedArrival: number | undefined;

  /** A `ws` class whose `onmessage` (what y-websocket sets) goes through this gate. */
  readonly socketClass: typeof WebSocket;

  constructor() {
    const receive = (deliver: () => void, data: WebSocket.Data) => this.receive(deliver, data);
    const handlers = new WeakMap<WebSocket, MessageHandler | null>();
    class GatedSocket extends WebSocket {
      constructor(address: string | URL, protocols?: string | string[]) {
        // Plain frames: ws inflates through one queue of ten zlib jobs per process, which at 150 clients in a
        // process delays receptions by a couple of hundred ms; a real device inflates only its own.
        super(address, protocols, { perMessageDeflate: false });
        this.addEventListener('message', (event) => receive(() => handlers.get(this)?.(event), event.data));
      }
    }
    // `ws` declares onmessage as a property; y-websocket only ever assigns it.
    Object.defineProperty(GatedSocket.prototype, 'onmessage', {
      get(this: WebSocket) {
        return handlers.get(this) ?? null;
      },
      set(this: WebSocket, handler: MessageHandler | null) {
        handlers.set(this, handler);
      },
    });
    this.socketClass = GatedSocket as typeof WebSocket;
  }

  /** The arrival time of the message being handed over, or now when messages flow live. */
  receivedAt(): number {
    return this.replayedArrival ?? now();
  }

  hold(): void {
    this.state = 'holding';
  }

  /**
   * Stops taking messages: what arrives from now on is ignored, so the edits
   * it carries count as never received. A saturated server can go on sending
   * its backlog for minutes after the load.
   */
  close(): void {
    this.state = 'closed';
  }

  /** Hands over everything held, in arrival order. */
  async release(): Promise<void> {
    while (this.held.length > 0) {
      for (const { deliver, arrivedAt } of this.held.splice(0, REPLAY_SLICE)) {
        this.replayedArrival = arrivedAt;
        deliver();
      }
      this.replayedArrival = undefined;
      await new Promise((r) => setImmediate(r));
    }
  }

  /** Bytes all sockets received while held (what a participant's network carries, summed). */
  heldBytes = 0;

  private receive(deliver: () => void, data: WebSocket.Data): void {
    if (this.state === 'live') deliver();
    else if (this.state === 'holding') {
      this.held.push({ deliver, arrivedAt: now() });
      this.heldBytes += (data as ArrayBuffer).byteLength;
    }
  }
}
