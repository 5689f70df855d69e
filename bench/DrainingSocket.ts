/**
 * A WebSocket client that offers permessage-deflate as a browser does and
 * then reads almost nothing: a phone in a simulated venue. The server writes
 * it the frames a real phone on its list gets (the room's batches compressed
 * once for all, bench/README.md « Compressed once »), and it counts their
 * bytes without inflating them — inflating 2,000 sockets' frames took the
 * simulation's cores from the server it measures. The compressed frames that
 * arrive before the board has (the server's answer to this client's sync
 * step 1) are inflated, to learn that it has joined; after that only plain
 * frames (small messages, the server's own questions) are handed on.
 *
 * RFC 6455 framing over a TCP socket: the client masks what it sends, the
 * server does not; pings are answered. Not a general WebSocket client.
 */
import { randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import net from 'node:net';
import zlib from 'node:zlib';

const OPCODE_CONTINUATION = 0x0;
const OPCODE_BINARY = 0x2;
const OPCODE_CLOSE = 0x8;
const OPCODE_PING = 0x9;
const OPCODE_PONG = 0xa;
const FIN = 0x80;
const RSV1 = 0x40;
/** RFC 7692 §7.2.2: what the sender took off the end of each compressed message. */
const DEFLATE_TAIL = Buffer.from([0x00, 0x00, 0xff, 0xff]);

export interface DrainingSocketEvents {
  open: [];
  /** A plain message, or a compressed one while `inflating`. */
  message: [data: Buffer];
  close: [code: number];
  error: [error: Error];
}

export class DrainingSocket extends EventEmitter<DrainingSocketEvents> {
  /** Inflate compressed messages (until the caller has what it needed from them). */
  inflating = true;
  private readonly tcp: net.Socket;
  private pending: Buffer = Buffer.alloc(0);
  private upgraded = false;
  private open = false;
  private fragments: Buffer[] = [];
  private fragmentsCompressed = false;

  constructor(url: string) {
    super();
    const { hostname, port, pathname, search } = new URL(url);
    this.tcp = net.connect({ host: hostname, port: Number(port) });
    this.tcp.setNoDelay(true);
    this.tcp.on('connect', () => {
      this.tcp.write(
        [
          `GET ${pathname}${search} HTTP/1.1`,
          `Host: ${hostname}:${port}`,
          'Upgrade: websocket',
          'Connection: Upgrade',
          `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}`,
          'Sec-WebSocket-Version: 13',
          // What Chromium offers.
          'Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits',
          '',
          '',
        ].join('\r\n'),
      );
    });
    this.tcp.on('data', (chunk: Buffer) => this.receive(chunk));
    this.tcp.on('error', (error) => this.emit('error', error));
    this.tcp.on('close', () => {
      this.open = false;
      this.emit('close', 1006);
    });
  }

  /** Bytes read off the network since connection, compressed where they were. */
  get bytesRead(): number {
    return this.tcp.bytesRead;
  }

  get isOpen(): boolean {
    return this.open;
  }

  send(data: Uint8Array): void {
    if (this.open) this.writeFrame(OPCODE_BINARY, Buffer.from(data.buffer, data.byteOffset, data.byteLength));
  }

  close(): void {
    if (this.open) this.writeFrame(OPCODE_CLOSE, Buffer.from([0x03, 0xe8]));
    this.open = false;
    this.tcp.end();
  }

  private receive(chunk: Buffer): void {
    this.pending = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk;
    if (!this.upgraded && !this.readUpgrade()) return;
    for (;;) {
      const frame = this.readFrame();
      if (!frame) return;
      this.handleFrame(frame.opcode, frame.fin, frame.compressed, frame.payload);
    }
  }

  private readUpgrade(): boolean {
    const end = this.pending.indexOf('\r\n\r\n');
    if (end === -1) return false;
    const head = this.pending.toString('latin1', 0, end);
    this.pending = this.pending.subarray(end + 4);
    if (!head.startsWith('HTTP/1.1 101')) {
      this.emit('error', new Error(`upgrade refused: ${head.split('\r\n')[0]}`));
      this.tcp.destroy();
      return false;
    }
    if (!/^sec-websocket-extensions:.*permessage-deflate.*server_no_context_takeover/im.test(head)) {
      this.emit('error', new Error('the server did not agree to permessage-deflate without context takeover'));
      this.tcp.destroy();
      return false;
    }
    this.upgraded = true;
    this.open = true;
    this.emit('open');
    return true;
  }

  private readFrame(): { opcode: number; fin: boolean; compressed: boolean; payload: Buffer } | undefined {
    const data = this.pending;
    if (data.length < 2) return undefined;
    let length = data[1]! & 0x7f;
    let offset = 2;
    if (length === 126) {
      if (data.length < 4) return undefined;
      length = data.readUInt16BE(2);
      offset = 4;
    } else if (length === 127) {
      if (data.length < 10) return undefined;
      length = Number(data.readBigUInt64BE(2));
      offset = 10;
    }
    if (data.length < offset + length) return undefined;
    const payload = data.subarray(offset, offset + length);
    this.pending = data.subarray(offset + length);
    return { opcode: data[0]! & 0x0f, fin: (data[0]! & FIN) !== 0, compressed: (data[0]! & RSV1) !== 0, payload };
  }

  private handleFrame(opcode: number, fin: boolean, compressed: boolean, payload: Buffer): void {
    if (opcode === OPCODE_PING) return this.writeFrame(OPCODE_PONG, payload);
    if (opcode === OPCODE_PONG) return;
    if (opcode === OPCODE_CLOSE) {
      this.open = false;
      this.tcp.end();
      return;
    }
    if (opcode !== OPCODE_CONTINUATION) {
      this.fragments = [];
      this.fragmentsCompressed = compressed;
    }
    this.fragments.push(payload);
    if (!fin) return;
    const message = this.fragments.length === 1 ? this.fragments[0]! : Buffer.concat(this.fragments);
    this.fragments = [];
    if (!this.fragmentsCompressed) this.emit('message', message);
    else if (this.inflating) this.emit('message', zlib.inflateRawSync(Buffer.concat([message, DEFLATE_TAIL])));
  }

  private writeFrame(opcode: number, payload: Buffer): void {
    const length = payload.length;
    const header = length < 126 ? Buffer.alloc(2) : length < 65_536 ? Buffer.alloc(4) : Buffer.alloc(10);
    header[0] = FIN | opcode;
    if (length < 126) header[1] = 0x80 | length;
    else if (length < 65_536) {
      header[1] = 0x80 | 126;
      header.writeUInt16BE(length, 2);
    } else {
      header[1] = 0x80 | 127;
      header.writeBigUInt64BE(BigInt(length), 2);
    }
    const mask = randomBytes(4);
    const masked = Buffer.allocUnsafe(length);
    for (let i = 0; i < length; i++) masked[i] = payload[i]! ^ mask[i & 3]!;
    this.tcp.write(Buffer.concat([header, mask, masked]));
  }
}
