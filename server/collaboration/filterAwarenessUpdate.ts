/**
 * Keeps the entries of an awareness update whose client ids pass `keep`.
 * The entries' JSON states are copied as bytes, never parsed: the stock
 * y-websocket client sends back every cursor it receives, so at 300
 * participants nearly all incoming awareness is someone else's, and parsing
 * it only to find it stale was most of the server's awareness cost.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/** The filtered update (`keep` sees each entry's JSON state as UTF-8 bytes); the same bytes when every entry is kept, null when none is. */
export function filterAwarenessUpdate(update: Uint8Array, keep: (clientId: number, state: Uint8Array) => boolean): Uint8Array | null {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const kept: [number, number, Uint8Array][] = [];
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    // A varstring is a varuint length and UTF-8 bytes, exactly what readVarUint8Array reads.
    const state = decoding.readVarUint8Array(decoder);
    if (keep(clientId, state)) kept.push([clientId, clock, state]);
  }
  if (kept.length === count) return update;
  if (kept.length === 0) return null;
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, kept.length);
  for (const [clientId, clock, state] of kept) {
    encoding.writeVarUint(encoder, clientId);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarUint8Array(encoder, state);
  }
  return encoding.toUint8Array(encoder);
}
