/** What a stock client's socket carries, read from the raw frames. */
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import type { YjsClient } from './yjsClient.js';

const MESSAGE_SYNC = 0;

/** Every frame a client's socket receives or sends, as the raw bytes. */
export function tapFrames(c: YjsClient): { received: Uint8Array[]; sent: Uint8Array[] } {
  const frames = { received: [] as Uint8Array[], sent: [] as Uint8Array[] };
  const ws = c.provider.ws as unknown as {
    on(e: 'message', f: (d: Buffer) => void): void;
    send(data: Uint8Array): void;
  };
  ws.on('message', (data) => frames.received.push(new Uint8Array(data)));
  const send = ws.send.bind(ws);
  ws.send = (data) => {
    frames.sent.push(new Uint8Array(data));
    send(data);
  };
  return frames;
}

/** The writers whose edits the sync updates among `frames` carry. */
export function updateWriters(frames: Uint8Array[]): Set<number> {
  const writers = new Set<number>();
  for (const frame of frames) {
    const decoder = decoding.createDecoder(frame);
    if (decoding.readVarUint(decoder) !== MESSAGE_SYNC) continue;
    decoding.readVarUint(decoder);
    for (const writer of Y.parseUpdateMeta(decoding.readVarUint8Array(decoder)).to.keys()) writers.add(writer);
  }
  return writers;
}
