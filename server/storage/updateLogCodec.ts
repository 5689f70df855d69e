/**
 * Framing of a board's append-only update log: each frame is
 * `[length u32 LE][crc32 u32 LE][payload]`. A frame cut short by a crash, or
 * whose checksum fails, ends the readable log: everything before it is kept.
 */
import { crc32 } from 'node:zlib';

const HEADER_BYTES = 8;

export function encodeFrame(payload: Uint8Array): Buffer {
  const frame = Buffer.allocUnsafe(HEADER_BYTES + payload.byteLength);
  frame.writeUInt32LE(payload.byteLength, 0);
  frame.writeUInt32LE(crc32(payload), 4);
  frame.set(payload, HEADER_BYTES);
  return frame;
}

export interface DecodedLog {
  frames: Uint8Array[];
  /** Bytes of well-formed frames; anything after is a torn or corrupt tail. */
  validBytes: number;
}

export function decodeFrames(log: Buffer): DecodedLog {
  const frames: Uint8Array[] = [];
  let offset = 0;
  while (offset + HEADER_BYTES <= log.byteLength) {
    const length = log.readUInt32LE(offset);
    const checksum = log.readUInt32LE(offset + 4);
    const end = offset + HEADER_BYTES + length;
    if (end > log.byteLength) break;
    const payload = log.subarray(offset + HEADER_BYTES, end);
    if (crc32(payload) !== checksum) break;
    frames.push(new Uint8Array(payload));
    offset = end;
  }
  return { frames, validBytes: offset };
}
