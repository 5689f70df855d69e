/**
 * A message many sockets of a board receive as the same bytes — a batch of
 * edits, the whole board for newcomers — compressed once for all of them.
 *
 * Phones on their list of ideas negotiate permessage-deflate (RFC 7692)
 * without the server's context takeover (attachYjsServer.ts), so a message
 * compressed on its own is valid on every socket that negotiated it. A batch
 * of note records shrinks about six times: at 2,000 people and 200 edits a
 * second, each phone downloads 16–19 KB/s instead of 102, which a venue's
 * wifi feels. ws would compress the
 * message again for every socket (20,000 deflates a second at that size);
 * here it is deflated once and the frame written through ws's sender, which
 * has no public way to send bytes already compressed. The frame goes that
 * way only while the sender has nothing queued (a message ws is still
 * compressing for that socket keeps its place); otherwise it is sent plain.
 */
import zlib from 'node:zlib';
import type { WebSocket } from 'ws';

/** Below this, deflate saves less than the frame's own header and its CPU costs more than it saves. */
const MIN_BYTES_TO_COMPRESS = 1_024;
/** The empty block a sync flush ends with, which the receiver adds back (RFC 7692 §7.2.1). */
const FLUSH_TRAILER_BYTES = 4;
/** ws's `Sender` state when nothing is being compressed or queued. */
const SENDER_IDLE = 0;
const FIN_RSV1_BINARY = 0x80 | 0x40 | 0x02;
/** ws's options for a message sent as it is: one object for every send (ws copies it), not one per peer per message. */
export const SEND_PLAIN = { compress: false } as const;

interface WsSender {
  _state: number;
  sendFrame(list: Buffer[], cb?: (err?: Error) => void): void;
}

export class SharedMessage {
  private deflated: Buffer | undefined;

  constructor(readonly data: Uint8Array) {}

  /** Whether sockets that negotiated compression receive it compressed. */
  get compresses(): boolean {
    return this.data.byteLength >= MIN_BYTES_TO_COMPRESS;
  }

  /** The payload of a compressed frame, deflated on first use and shared by every socket after. */
  get compressed(): Buffer {
    if (!this.deflated) {
      const flushed = zlib.deflateRawSync(this.data, { level: 1, finishFlush: zlib.constants.Z_SYNC_FLUSH });
      this.deflated = flushed.subarray(0, flushed.length - FLUSH_TRAILER_BYTES);
    }
    return this.deflated;
  }
}

/**
 * Whether a socket can take messages compressed once for all: it negotiated permessage-deflate, the server
 * keeps no context between messages, and the window is the full 32 KB a default deflate uses. ws says only
 * which extensions were negotiated (`ws.extensions`); the parameters agreed are on its private record of them.
 */
export function takesSharedDeflate(ws: WebSocket): boolean {
  const extensions = (ws as unknown as { _extensions?: Record<string, { params?: Record<string, unknown> }> })._extensions;
  const params = extensions?.['permessage-deflate']?.params;
  if (!params?.server_no_context_takeover) return false;
  const window = params.server_max_window_bits;
  return window === undefined || window === true || Number(window) === 15;
}

/** Sends `message` on `ws`, compressed if it took the shared deflate, plain otherwise. */
export function sendShared(ws: WebSocket, deflates: boolean, message: SharedMessage, cb: (err?: Error) => void): void {
  const sender = (ws as unknown as { _sender?: WsSender })._sender;
  if (!deflates || !message.compresses || sender?._state !== SENDER_IDLE) {
    ws.send(message.data, SEND_PLAIN, cb);
    return;
  }
  const payload = message.compressed;
  sender.sendFrame([frameHeader(payload.length), payload], cb);
}

/** An unmasked server frame's header: FIN, RSV1 (compressed), binary, then the length in 7, 16 or 64 bits. */
function frameHeader(length: number): Buffer {
  if (length < 126) return Buffer.from([FIN_RSV1_BINARY, length]);
  if (length < 65_536) {
    const header = Buffer.allocUnsafe(4);
    header[0] = FIN_RSV1_BINARY;
    header[1] = 126;
    header.writeUInt16BE(length, 2);
    return header;
  }
  const header = Buffer.alloc(10);
  header[0] = FIN_RSV1_BINARY;
  header[1] = 127;
  header.writeUIntBE(length, 4, 6);
  return header;
}
