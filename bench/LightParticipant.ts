/**
 * A simulated participant light enough that a 2-core host holds a thousand
 * and more beside the server: one raw WebSocket speaking the y-websocket
 * protocol (y-protocols' sync and awareness messages). What it receives is
 * counted and scanned for the edit markers the bench puts in its notes, never
 * applied: no Y.Doc integrates the board. What it sends comes from a small
 * Y.Doc holding only its own notes, so its updates are real Yjs updates the
 * server checks and stores like a browser's. Checked against stock
 * `WebsocketProvider` clients in test/integration/lightParticipant.test.ts and
 * in the bench's validation run.
 */
import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import { DrainingSocket } from './DrainingSocket.js';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { boardRecords, type BoardRecord } from '../shared/boardLayout.js';
import { now } from './roomLoadProtocol.js';

const MESSAGE_SYNC = 0;
const MESSAGE_AWARENESS = 1;
const MARKER = Buffer.from('EDIT#');
const MARKER_END = '#'.charCodeAt(0);

/**
 * The edit id a bench note carries in its text, in a form found in the raw bytes of any update holding the note:
 * who sent it, its number, and when it was sent (epoch ms; the clocks are one machine's), so any receiver can
 * time it. In the text, where a real idea's words are, rather than in fields a real note lacks: what the
 * receivers download is then what a room's phones would.
 */
export const editMarker = (sender: number, seq: number, sentAt: number): string => `EDIT#${sender}:${seq}:${sentAt.toFixed(1)}#`;

export function readMarker(marker: string): { sender: number; sentAt: number } {
  const [sender, , sentAt] = marker.slice('EDIT#'.length, -1).split(':');
  return { sender: Number(sender), sentAt: Number(sentAt) };
}

/** The edit marker in a note's text, if it holds one. */
export function markerIn(text: string): string | undefined {
  const at = text.indexOf('EDIT#');
  const end = at === -1 ? -1 : text.indexOf('#', at + 'EDIT#'.length);
  return end === -1 ? undefined : text.slice(at, end + 1);
}

/** The edit markers in a message's bytes, each once. */
export function markersIn(data: Buffer): string[] {
  const found = new Set<string>();
  for (let at = data.indexOf(MARKER); at !== -1; at = data.indexOf(MARKER, at + MARKER.length)) {
    const end = data.indexOf(MARKER_END, at + MARKER.length);
    if (end === -1) break;
    found.add(data.toString('latin1', at, end + 1));
  }
  return [...found];
}

/** An edit marker found in a message, read once. */
export interface ReceivedEdit {
  marker: string;
  sender: number;
  sentAt: number;
}

/**
 * The edits in the messages received lately by this process's participants. A batch reaches every participant of
 * a worker as the same bytes: compared whole (a memcmp), it is read once per worker rather than once per
 * participant; reading the markers of each copy was a third of a worker's busy time at 2,000 people.
 */
const recentMessages = new Map<number, { data: Buffer; edits: ReceivedEdit[] }[]>();
const recentOrder: number[] = [];
// Sockets of a loaded room lag seconds behind each other: a batch's copies arrive among many later batches.
const RECENT_MESSAGES = 1024;

function editsIn(data: Buffer): ReceivedEdit[] {
  const sameLength = recentMessages.get(data.length);
  for (const recent of sameLength ?? []) if (recent.data.equals(data)) return recent.edits;
  const edits = markersIn(data).map((marker) => ({ marker, ...readMarker(marker) }));
  if (sameLength) sameLength.push({ data, edits });
  else recentMessages.set(data.length, [{ data, edits }]);
  recentOrder.push(data.length);
  if (recentOrder.length > RECENT_MESSAGES) {
    const oldest = recentOrder.shift()!;
    const entries = recentMessages.get(oldest)!;
    entries.shift();
    if (entries.length === 0) recentMessages.delete(oldest);
  }
  return edits;
}

export class LightParticipant {
  readonly ready: Promise<void>;
  /** Called with each edit found in a received message and the time the message arrived (epoch ms). */
  onEdit: (edit: ReceivedEdit, at: number) => void = () => {};
  private readonly socket: WebSocket | DrainingSocket;
  private readonly doc = new Y.Doc();
  private awarenessClock = 0;
  private tcp: Socket | undefined;

  /**
   * `deflate`: offer permessage-deflate, as browsers do, and inflate what arrives compressed. Off, the server
   * sends everything plain: what a thousand simulated phones can afford to read on two cores. `drain`: offer it
   * and leave compressed messages unread once joined (bench/DrainingSocket.ts), a phone that times nothing.
   */
  constructor(wsUrl: string, room: string, params: Record<string, string>, options: { deflate?: boolean; drain?: boolean } = {}) {
    const query = new URLSearchParams(params).toString();
    const url = `${wsUrl}/${room}${query ? `?${query}` : ''}`;
    const drain = options.drain ?? false;
    if (drain) this.socket = new DrainingSocket(url);
    else {
      const socket = new WebSocket(url, { perMessageDeflate: options.deflate ?? false });
      socket.binaryType = 'nodebuffer';
      socket.once('upgrade', (res: IncomingMessage) => (this.tcp = res.socket as Socket));
      this.socket = socket;
    }
    this.doc.on('update', (update: Uint8Array) => {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MESSAGE_SYNC);
      syncProtocol.writeUpdate(encoder, update);
      this.send(encoding.toUint8Array(encoder));
    });
    this.ready = new Promise((resolve, reject) => {
      // Every error, not only the first: a thousand sockets opening at once can be reset more than once.
      this.socket.on('error', reject);
      this.socket.once('close', (code) => reject(new Error(`light participant closed: ${code}`)));
      this.socket.on('message', (data: Buffer) => {
        const at = now();
        // The server's answer to our sync step 1 (the whole board) is the one message decoded: it says we joined.
        if (data[0] === MESSAGE_SYNC && data[1] === syncProtocol.messageYjsSyncStep2) {
          if (this.socket instanceof DrainingSocket) this.socket.inflating = false;
          resolve();
        } else if (data[0] === MESSAGE_SYNC && data[1] === syncProtocol.messageYjsSyncStep1) this.answerStep1(data);
        // Cursors carry no edit: only sync messages are read. A draining phone times nothing.
        if (data[0] === MESSAGE_SYNC && !drain) for (const edit of editsIn(data)) this.onEdit(edit, at);
      });
    });
    this.socket.once('open', () => {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MESSAGE_SYNC);
      syncProtocol.writeSyncStep1(encoder, this.doc);
      this.send(encoding.toUint8Array(encoder));
    });
  }

  /** Bytes read off the network since connection: what a phone downloads, compressed where it was. */
  get receivedBytes(): number {
    return this.socket instanceof DrainingSocket ? this.socket.bytesRead : (this.tcp?.bytesRead ?? 0);
  }

  /** Writes a note, as a browser's binding would: one update. */
  setRecord(record: BoardRecord): void {
    boardRecords(this.doc).set(record.id, record);
  }

  /** This participant's cursor, as one awareness update. */
  setPresence(state: Record<string, unknown>): void {
    this.awarenessClock += 1;
    const update = encoding.createEncoder();
    encoding.writeVarUint(update, 1);
    encoding.writeVarUint(update, this.doc.clientID);
    encoding.writeVarUint(update, this.awarenessClock);
    encoding.writeVarString(update, JSON.stringify(state));
    const message = encoding.createEncoder();
    encoding.writeVarUint(message, MESSAGE_AWARENESS);
    encoding.writeVarUint8Array(message, encoding.toUint8Array(update));
    this.send(encoding.toUint8Array(message));
  }

  close(): void {
    this.socket.close();
    this.doc.destroy();
  }

  /** The server asks what we lack: we hold only our own notes, so the answer is what it lacks of them. */
  private answerStep1(data: Buffer): void {
    const decoder = decoding.createDecoder(data);
    decoding.readVarUint(decoder);
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    syncProtocol.readSyncMessage(decoder, encoder, this.doc, this);
    if (encoding.length(encoder) > 1) this.send(encoding.toUint8Array(encoder));
  }

  private send(message: Uint8Array): void {
    if (this.socket instanceof DrainingSocket) this.socket.send(message);
    else if (this.socket.readyState === WebSocket.OPEN) this.socket.send(message);
  }
}
