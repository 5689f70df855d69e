/**
 * A newcomer's copy of the board is encoded once and shared until the board
 * changes: every newcomer must still get the board as it is now, after edits,
 * and after a restart that reads a compacted snapshot.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createSession } from '../helpers/api.js';
import { removeDataDir, startTestServer, type TestServer } from '../helpers/startTestServer.js';
import { connectYjsClient, eventually, fakeNote, whenSynced, type YjsClient } from '../helpers/yjsClient.js';

const servers: TestServer[] = [];
const clients: YjsClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  for (const t of servers.splice(0)) await t.close().catch(() => undefined);
});

async function newcomer(t: TestServer, board: string, token: string): Promise<YjsClient> {
  const c = connectYjsClient(t.wsUrl, board, { token });
  clients.push(c);
  await whenSynced(c);
  return c;
}

describe("a newcomer's copy of the board", () => {
  it('follows every change, and survives a restart from a compacted snapshot', async () => {
    const t = await startTestServer();
    servers.push(t);
    const session = await createSession(t.url);
    const token = session.access.token;
    const writer = await newcomer(t, session.id, token);
    writer.records.set('shape:a', fakeNote('a', 'Première'));

    const first = await newcomer(t, session.id, token);
    await eventually(() => expect(first.records.get('shape:a')).toBeDefined());
    // Two newcomers in a row with no change between: the shared copy.
    const second = await newcomer(t, session.id, token);
    expect(second.records.get('shape:a')).toBeDefined();
    writer.records.set('shape:b', fakeNote('b', 'Deuxième'));
    await eventually(() => expect(first.records.get('shape:b')).toBeDefined());
    const third = await newcomer(t, session.id, token);
    expect([...third.records.keys()]).toEqual(expect.arrayContaining(['shape:a', 'shape:b']));
    writer.records.delete('shape:a');
    await eventually(() => expect(first.records.has('shape:a')).toBe(false));
    expect((await newcomer(t, session.id, token)).records.has('shape:a')).toBe(false);

    for (const c of clients.splice(0)) c.destroy();
    await t.close();
    servers.pop();
    const again = await startTestServer({ dataDir: t.dataDir });
    servers.push(again);
    const after = await newcomer(again, session.id, token);
    expect(after.records.has('shape:b')).toBe(true);
    expect(after.records.has('shape:a')).toBe(false);
    after.records.set('shape:c', fakeNote('c', 'Troisième'));
    await eventually(async () => expect((await newcomer(again, session.id, token)).records.has('shape:c')).toBe(true));
    await again.close();
    servers.pop();
    await removeDataDir(t.dataDir);
  });
});
