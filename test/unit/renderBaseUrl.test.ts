import { describe, expect, it } from 'vitest';
import { renderBaseUrl } from '../../server/export/renderBaseUrl.js';

describe("the PDF renderer's address of the server", () => {
  it('is the address the server is bound to, in brackets for IPv6', () => {
    expect(renderBaseUrl({ address: '10.0.0.5', family: 'IPv4', port: 3000 })).toBe('http://10.0.0.5:3000');
    expect(renderBaseUrl({ address: 'fd00::5', family: 'IPv6', port: 3000 })).toBe('http://[fd00::5]:3000');
    expect(renderBaseUrl({ address: '127.0.0.1', family: 'IPv4', port: 41234 })).toBe('http://127.0.0.1:41234');
  });

  it('is loopback when the server listens on every interface', () => {
    expect(renderBaseUrl({ address: '0.0.0.0', family: 'IPv4', port: 3000 })).toBe('http://127.0.0.1:3000');
    expect(renderBaseUrl({ address: '::', family: 'IPv6', port: 3000 })).toBe('http://[::1]:3000');
  });
});
