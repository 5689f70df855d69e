import WebSocket from 'ws';
import { describe, expect, it } from 'vitest';
import { CloseCode } from '../../shared/closeCodes.js';
import { connectYjsClient, whenClosed } from '../helpers/yjsClient.js';
import { serverPerFile } from '../helpers/serverPerFile.js';

function rawClose(url: string): Promise<{ code: number; messages: number }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    let messages = 0;
    ws.on('message', () => messages++);
    ws.on('close', (code) => resolve({ code, messages }));
    ws.on('error', reject);
  });
}

describe('the /yjs endpoint refuses what it cannot serve', () => {
  const env = serverPerFile();

  it('closes an unknown board with 4404 and sends no sync message, and the stock client stops retrying', async () => {
    expect(await rawClose(`${env.t.wsUrl}/inconnu`)).toEqual({ code: CloseCode.UnknownBoard, messages: 0 });
    const client = connectYjsClient(env.t.wsUrl, 'inconnu');
    const closed = await whenClosed(client);
    expect(closed.code).toBe(CloseCode.UnknownBoard);
    expect(client.provider.shouldConnect).toBe(false);
    client.destroy();
  });

  it('closes a malformed board id with 4400', async () => {
    expect((await rawClose(`${env.t.wsUrl}/${encodeURIComponent('../etc')}`)).code).toBe(CloseCode.BadRequest);
  });

  it('refuses upgrades on unknown paths', async () => {
    await expect(
      new Promise((resolve, reject) => {
        const ws = new WebSocket(`ws://127.0.0.1:${env.t.port}/autre`);
        ws.on('open', resolve);
        ws.on('error', reject);
      }),
    ).rejects.toThrow(/404/);
  });
});
