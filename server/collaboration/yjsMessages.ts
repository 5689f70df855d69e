/** Encoders for the y-websocket wire protocol (message types from y-websocket's client). */
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import type * as Y from 'yjs';
import { REFUSAL_MESSAGE_TYPE, type BoardRefusal } from '../../shared/boardRefusals.js';

export const MessageType = {
  Sync: 0,
  Awareness: 1,
  Auth: 2,
  QueryAwareness: 3,
} as const;

export function syncStep1Message(doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Sync);
  syncProtocol.writeSyncStep1(encoder, doc);
  return encoding.toUint8Array(encoder);
}

/** The answer to a peer's step 1: what it lacks, as one update. */
export function syncStep2Message(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Sync);
  encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep2);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

export function updateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Sync);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

export function awarenessMessage(awareness: awarenessProtocol.Awareness, clients: number[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Awareness);
  encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, clients));
  return encoding.toUint8Array(encoder);
}

/** An awareness update of no client: what a socket that sees no cursors is sent to keep it from falling silent. */
export function emptyAwarenessMessage(): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Awareness);
  encoding.writeVarUint(encoder, 1);
  encoding.writeVarUint(encoder, 0);
  return encoding.toUint8Array(encoder);
}

/** Tells a sender why its change was written back (see shared/boardRefusals.ts). */
export function refusalMessage(refusal: BoardRefusal): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, REFUSAL_MESSAGE_TYPE);
  encoding.writeVarString(encoder, refusal);
  return encoding.toUint8Array(encoder);
}
