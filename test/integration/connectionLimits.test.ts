import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { CloseCode } from '../../shared/closeCodes.js';
import { createSession } from '../helpers/api.js';
import { removeDataDir, startTestServer, type TestServer } from '../helpers/startTestServer.js';
import { connectYjsClient, eventually, fakeNote, whenClosed, whenSynced, type YjsClient } from '../helpers/yjsClient.js';

/** A socket that sends `frames` once open and resolves with the code the server closed it with. */
function closeCodeAfter(url: string, frames: Uint8Array[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    ws.on('open', () => frames.forEach((f) => ws.send(f)));
    ws.on('close', (code) => resolve(code));
    ws.on('error', reject);
  });
}

/** A y-websocket "query awareness" message: valid, cheap, and answered. */
const QUERY_AWARENESS = Uint8Array.of(3);

describe('per-connection limits on /yjs', () => {
  let t: TestServer;
  const clients: YjsClient[] = [];
  let token = '';
  const connect = (boardId: string) => {
    const client = connectYjsClient(t.wsUrl, boardId, { token });
    clients.push(client);
    return client;
  };
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy();
    await t.close();
    await removeDataDir(t.dataDir);
  });

  it('closes a stock client whose update is over the size limit with 4413, and it stops retrying', async () => {
    t = await startTestServer({ maxMessageBytes: 4_096 });
    const { id, access } = await createSession(t.url);
    token = access.token;
    const big = connect(id);
    await whenSynced(big);
    const closed = whenClosed(big);
    big.records.set('shape:big', fakeNote('big', 'x'.repeat(6_000)));
    expect((await closed).code).toBe(CloseCode.MessageTooLarge);
    expect(big.provider.shouldConnect).toBe(false);
  });

  it('refuses a connection beyond the board maximum with the retried 4529, and lets it in when a seat frees', async () => {
    t = await startTestServer({ maxConnectionsPerBoard: 2 });
    const { id, access } = await createSession(t.url);
    token = access.token;
    const [a, b] = [connect(id), connect(id)];
    await Promise.all([whenSynced(a), whenSynced(b)]);
    const third = connect(id);
    expect((await whenClosed(third)).code).toBe(CloseCode.RoomFull);
    expect(third.provider.shouldConnect).toBe(true);
    a.destroy();
    await whenSynced(third);
    expect(t.server.yjs.connectionCount(id)).toBe(2);
  });

  it('closes a connection over its message rate with 4420, and not the others from the same address', async () => {
    t = await startTestServer({ messagesPerSecond: 20 });
    const { id, access } = await createSession(t.url);
    token = access.token;
    const calm = connect(id);
    await whenSynced(calm);
    const flood = Array.from({ length: 100 }, () => QUERY_AWARENESS);
    expect(await closeCodeAfter(`${t.wsUrl}/${id}?token=${token}`, flood)).toBe(CloseCode.RateLimited);
    // The limit is per connection, never per address: a venue's whole Wi-Fi shares one.
    const other = connect(id);
    await whenSynced(other);
    other.records.set('shape:ok', fakeNote('ok', 'toujours là'));
    await eventually(() => expect(calm.records.has('shape:ok')).toBe(true));
  });

  it('lets a connection send its burst allowance (twice the rate) without closing it', async () => {
    t = await startTestServer({ messagesPerSecond: 20 });
    const { id, access } = await createSession(t.url);
    token = access.token;
    const ws = new WebSocket(`${t.wsUrl}/${id}?token=${token}`);
    await new Promise((resolve) => ws.on('open', resolve));
    let closedWith: number | undefined;
    ws.on('close', (code) => (closedWith = code));
    for (let i = 0; i < 39; i++) ws.send(QUERY_AWARENESS);
    await new Promise((r) => setTimeout(r, 200));
    expect(closedWith).toBeUndefined();
    ws.close();
  });
});
