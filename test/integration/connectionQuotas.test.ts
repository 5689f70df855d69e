/**
 * One token cannot hold every seat of a board, nor push unbounded bytes:
 * its connections beyond the quota are refused with a final code of its own,
 * and everyone else still gets in.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { CloseCode } from '../../shared/closeCodes.js';
import { defaultConfig } from '../../server/config.js';
import { createSession, joinSession } from '../helpers/api.js';
import { removeDataDir, startTestServer, type TestServer } from '../helpers/startTestServer.js';
import { connectYjsClient, eventually, fakeNote, whenClosed, whenSynced, type YjsClient } from '../helpers/yjsClient.js';

let t: TestServer | undefined;
const clients: YjsClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await t?.close();
  if (t) await removeDataDir(t.dataDir);
  t = undefined;
});

const connect = (server: TestServer, id: string, token: string) => {
  const client = connectYjsClient(server.wsUrl, id, { token });
  clients.push(client);
  return client;
};

describe('connection quotas', () => {
  it("refuses a token's connections beyond its quota with the final 4430, and the facilitator still gets in", async () => {
    t = await startTestServer({ maxConnectionsPerBoard: 6, quotas: { ...defaultConfig.quotas, connectionsPerPrincipal: 3 } });
    const server = t;
    const session = await createSession(server.url);
    const rogue = await joinSession(server.url, session.joinCode, 'Rogue', 'autre');
    const held = Array.from({ length: 3 }, () => connect(server, session.id, rogue.token));
    await Promise.all(held.map((c) => whenSynced(c)));
    const extra = connect(server, session.id, rogue.token);
    expect((await whenClosed(extra)).code).toBe(CloseCode.TooManyConnections);
    expect(extra.provider.shouldConnect).toBe(false);

    const facilitator = connect(server, session.id, session.access.token);
    await whenSynced(facilitator);
    facilitator.records.set('shape:consigne', fakeNote('consigne', 'Bienvenue'));
    await eventually(() => expect(held[0]!.records.has('shape:consigne')).toBe(true));
    expect(server.server.yjs.connectionCount(session.id)).toBe(4);
  });

  it('closes a connection that sends more bytes in a minute than its quota with the final 4421', async () => {
    t = await startTestServer({ quotas: { ...defaultConfig.quotas, bytesPerConnectionPerMinute: 20_000 } });
    const server = t;
    const session = await createSession(server.url);
    const writer = connect(server, session.id, session.access.token);
    const reader = connect(server, session.id, session.access.token);
    await Promise.all([whenSynced(writer), whenSynced(reader)]);
    const closed = whenClosed(writer);
    for (let i = 0; i < 20; i++) writer.records.set(`shape:n${i}`, fakeNote(`n${i}`, 'x'.repeat(2_000)));
    expect((await closed).code).toBe(CloseCode.ByteQuotaExceeded);
    await whenSynced(connect(server, session.id, session.access.token));
  });
});
