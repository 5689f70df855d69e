/**
 * Rewrites the name, colour and user id in a connection's own awareness
 * states with the server's: the token's principal, never what the browser
 * claims (anyone could otherwise show a cursor named « Animation officielle »).
 * Only a connection's own states reach here, at most two of at most a few
 * kilobytes (see BoardConnection), so parsing them costs little.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

export interface StampedIdentity {
  userId: string;
  name: string;
  color: string;
}

/** The update with every state's `presence` stamped; null when a state is not JSON (the message is dropped). */
export function stampPresence(update: Uint8Array, identity: StampedIdentity): Uint8Array | null {
  const decoder = decoding.createDecoder(update);
  const encoder = encoding.createEncoder();
  const count = decoding.readVarUint(decoder);
  encoding.writeVarUint(encoder, count);
  for (let i = 0; i < count; i++) {
    encoding.writeVarUint(encoder, decoding.readVarUint(decoder));
    encoding.writeVarUint(encoder, decoding.readVarUint(decoder));
    let state: unknown;
    try {
      state = JSON.parse(decoding.readVarString(decoder));
    } catch {
      return null;
    }
    if (state !== null && typeof state !== 'object') return null;
    const presence = (state as { presence?: unknown } | null)?.presence;
    if (presence && typeof presence === 'object') {
      Object.assign(presence, { userId: identity.userId, userName: identity.name, color: identity.color });
    }
    encoding.writeVarString(encoder, JSON.stringify(state));
  }
  return encoding.toUint8Array(encoder);
}
