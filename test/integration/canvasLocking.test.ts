import { describe, expect, it } from 'vitest';
import { trameMeta } from '../../shared/boardLayout.js';
import { authed, createSession, joinSession } from '../helpers/api.js';
import { connectYjsClient, eventually, whenSynced } from '../helpers/yjsClient.js';
import { serverPerFile } from '../helpers/serverPerFile.js';

describe('the facilitator unlocks and relocks a canvas', () => {
  const env = serverPerFile();

  it('frees the scaffolding for every connected client, and locks it again', async () => {
    const session = await createSession(env.t.url, { title: 'Atelier', templateIds: ['arbre-a-problemes'] });
    const canvasId = session.steps[0]!.canvasId;
    const client = connectYjsClient(env.t.wsUrl, session.id, { token: session.access.token });
    try {
      await whenSynced(client);
      const scaffolding = () => [...client.records.values()].filter((r) => trameMeta(r)?.canvasId === canvasId);
      const patch = (token: string, locked: unknown, id = canvasId) =>
        fetch(`${env.t.url}/api/sessions/${session.id}/canvases/${id}`, authed(token, { method: 'PATCH', body: JSON.stringify({ locked }) }));

      const participant = await joinSession(env.t.url, session.joinCode);
      expect((await patch(participant.token, false)).status).toBe(403);
      expect((await patch(session.access.token, 'non')).status).toBe(400);
      expect((await patch(session.access.token, false, 'inconnu')).status).toBe(404);

      const res = await patch(session.access.token, false);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ canvasId, locked: false });
      await eventually(() => expect(scaffolding().every((r) => r.isLocked === false)).toBe(true));

      await patch(session.access.token, true);
      await eventually(() => expect(scaffolding().every((r) => r.isLocked === true)).toBe(true));
      expect(scaffolding().length).toBeGreaterThan(5);
    } finally {
      client.destroy();
    }
  });
});
