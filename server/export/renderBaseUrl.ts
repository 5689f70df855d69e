import type { AddressInfo } from 'node:net';

/**
 * Where the PDF renderer's Chromium reaches this server: the address it is bound to, or loopback when it
 * listens on every interface. Always 127.0.0.1 failed with HOST set to one non-loopback address.
 */
export function renderBaseUrl(address: AddressInfo): string {
  const everywhere = address.address === '0.0.0.0' || address.address === '::';
  const host = everywhere ? (address.family === 'IPv6' ? '::1' : '127.0.0.1') : address.address;
  return `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
}
