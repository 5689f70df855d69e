import { afterEach, describe, expect, it } from 'vitest';
import { createSession } from '../helpers/api.js';
import { removeDataDir, startTestServer, type TestServer } from '../helpers/startTestServer.js';
import { connectYjsClient, eventually, whenSynced, type YjsClient } from '../helpers/yjsClient.js';

describe('cursors of participants who leave', () => {
  let t: TestServer;
  const clients: YjsClient[] = [];
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy();
    await t.close();
    await removeDataDir(t.dataDir);
  });

  it("removes a participant's cursor from everyone else's view when its socket closes", async () => {
    t = await startTestServer();
    const { id, access } = await createSession(t.url);
    const [a, b, c] = [0, 1, 2].map(() => connectYjsClient(t.wsUrl, id, { token: access.token }));
    clients.push(a!, b!, c!);
    await Promise.all(clients.map((x) => whenSynced(x)));
    a!.provider.awareness.setLocalStateField('user', { name: 'Camille' });
    const names = (x: YjsClient) => [...x.provider.awareness.getStates().values()].map((s) => s.user?.name);
    await eventually(() => expect(names(c!)).toContain('Camille'));
    // Closed abruptly, without the client's own "I left" message: the server must clear it.
    (a!.provider.ws as unknown as { terminate(): void }).terminate();
    a!.provider.shouldConnect = false;
    await eventually(() => {
      expect(names(b!)).not.toContain('Camille');
      expect(names(c!)).not.toContain('Camille');
    });
  });
});
