/**
 * A device proves which sessions it facilitates by sending the tokens it
 * holds, in one header: `x-trame-tokens: <sessionId>:<token>,…`. Tokens and
 * ids are URL-safe base64, so neither separator can occur inside them.
 */
export const DEVICE_TOKENS_HEADER = 'x-trame-tokens';

/** More would not fit a request header; a device rarely facilitates that many sessions. */
export const DEVICE_TOKENS_MAX = 200;

const PAIR = /^([A-Za-z0-9_-]{1,64}):([A-Za-z0-9_-]{1,128})$/;

export function encodeDeviceTokens(grants: { sessionId: string; token: string }[]): string {
  return grants
    .slice(0, DEVICE_TOKENS_MAX)
    .map((g) => `${g.sessionId}:${g.token}`)
    .join(',');
}

/** Malformed pairs are ignored: the header only ever widens what a device sees to what it proves. */
export function parseDeviceTokens(header: string | undefined): { sessionId: string; token: string }[] {
  if (!header) return [];
  return header
    .split(',')
    .slice(0, DEVICE_TOKENS_MAX)
    .flatMap((pair) => {
      const match = PAIR.exec(pair.trim());
      return match ? [{ sessionId: match[1]!, token: match[2]! }] : [];
    });
}
