/** Hostile frames for /yjs and /socket.io: random, truncated, corrupted, oversized, of unknown types, not binary. */
import { randomBytes, randomInt } from 'node:crypto';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { MessageType, awarenessMessage, syncStep1Message, updateMessage } from '../../server/collaboration/yjsMessages.js';
import { fakeNote } from './yjsClient.js';

export type Frame = Uint8Array | string;

/** Well-formed messages to cut short or corrupt. */
export function validMessages(): Uint8Array[] {
  const doc = new Y.Doc();
  doc.getMap('records').set('shape:x', fakeNote('x', 'texte valide'));
  const awareness = new awarenessProtocol.Awareness(doc);
  awareness.setLocalStateField('cursor', { x: 1, y: 2 });
  const messages = [updateMessage(Y.encodeStateAsUpdate(doc)), syncStep1Message(doc), awarenessMessage(awareness, [doc.clientID])];
  awareness.destroy();
  doc.destroy();
  return messages;
}

function withType(...parts: number[]): Uint8Array {
  const encoder = encoding.createEncoder();
  for (const part of parts) encoding.writeVarUint(encoder, part);
  encoding.writeVarUint8Array(encoder, randomBytes(randomInt(0, 64)));
  return encoding.toUint8Array(encoder);
}

export function yjsFrame(valid: Uint8Array[], maxMessageBytes: number): Frame {
  const base = valid[randomInt(valid.length)]!;
  switch (randomInt(7)) {
    case 0:
      return randomBytes(randomInt(0, 256));
    case 1:
      return base.subarray(0, randomInt(0, base.byteLength));
    case 2: {
      const corrupt = Uint8Array.from(base);
      corrupt[randomInt(corrupt.byteLength)] = randomInt(256);
      return corrupt;
    }
    case 3:
      return randomBytes(maxMessageBytes + randomInt(1, maxMessageBytes * 3));
    case 4:
      return withType(randomInt(4, 1_000));
    case 5:
      return withType(MessageType.Sync, randomInt(0, 10));
    default:
      return `{"type":"sync","garbage":${randomInt(1e9)}}`;
  }
}

export function socketIoFrame(): Frame {
  const packets = ['4', '40', '42', '42[', '42["x",{"a":', '451-["x",{"_placeholder":true,"num":9}]', '2probe', '6', '9'];
  if (randomInt(3) === 0) return randomBytes(randomInt(0, 256));
  return packets[randomInt(packets.length)]! + randomBytes(randomInt(0, 32)).toString('latin1');
}

/** Opens a socket, sends its frames (now and then raw bytes under the WebSocket framing too), and ends it. */
export function fuzzSocket(url: string, frames: Frame[]): Promise<void> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url);
    const done = () => {
      ws.terminate();
      resolve();
    };
    ws.on('error', () => undefined);
    ws.on('close', done);
    ws.on('open', () => {
      for (const frame of frames) ws.send(frame);
      if (randomInt(4) === 0) (ws as unknown as { _socket: NodeJS.WritableStream })._socket.write(randomBytes(64));
      setTimeout(done, 50);
    });
  });
}
