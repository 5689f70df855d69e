import { describe, expect, it } from 'vitest';
import { authed, createSession, joinSession } from '../helpers/api.js';
import { e2eEnvironment } from '../helpers/e2eEnvironment.js';
import { noteRecord } from '../helpers/records.js';
import { connectYjsClient, eventually, whenSynced } from '../helpers/yjsClient.js';

describe('a visitor of the bank', () => {
  const env = e2eEnvironment();

  it('receives no pseudonym, participant id or join code in any HTTP body or WebSocket frame', async () => {
    const session = await createSession(env.t.url, { title: 'Jardins partagés', facilitatorName: 'Dominique Facil', templateIds: ['afom-du-territoire'] });
    const participant = await joinSession(env.t.url, session.joinCode, 'Yasmine Belkacem', 'habitant');
    const writer = connectYjsClient(env.t.wsUrl, session.id, { token: participant.token });
    await whenSynced(writer);
    writer.records.set('shape:idee', noteRecord('idee', 'Des bacs au pied des immeubles', { x: 900, y: 500 }, { participantId: participant.participantId, college: 'habitant' }));
    // Published once the note is stored: the bank's copy is written from the stored board.
    await eventually(async () => expect(await env.t.server.boards.read(session.id, (r) => r.has('shape:idee'))).toBe(true));
    const patch = (body: unknown) =>
      fetch(`${env.t.url}/api/sessions/${session.id}`, authed(session.access.token, { method: 'PATCH', body: JSON.stringify(body) }));
    expect((await patch({ status: 'finished', published: true, description: { summary: 'Un atelier de quartier.' } })).status).toBe(200);
    // The participant comes back to the finished board while the visitor looks: their presence must not reach the visitor.
    const returning = connectYjsClient(env.t.wsUrl, session.id, { token: participant.token });
    await whenSynced(returning);
    returning.provider.awareness.setLocalStateField('presence', { userName: 'Yasmine Belkacem', userId: participant.participantId });

    const context = await env.browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const bodies: { url: string; text: string }[] = [];
    const pending: Promise<void>[] = [];
    page.on('response', (response) =>
      pending.push(response.text().then((text) => void bodies.push({ url: response.url(), text }), () => undefined)),
    );
    const sockets: string[] = [];
    const frames: string[] = [];
    page.on('websocket', (ws) => {
      sockets.push(ws.url());
      ws.on('framereceived', (f) => frames.push(String(f.payload)));
    });

    await page.goto(`${env.t.url}/banque/${session.id}`);
    await page.getByText('Un atelier de quartier.').waitFor();
    await page.locator('.tl-shape').filter({ hasText: 'Des bacs au pied des immeubles' }).waitFor({ timeout: 20_000 });
    await page.waitForTimeout(1_500);
    await page.screenshot({ path: 'test-results/bank-visitor-1280.png' });
    await Promise.all(pending);
    returning.destroy();
    writer.destroy();
    await context.close();

    expect(sockets).toEqual([]);
    expect(frames).toEqual([]);
    expect(bodies.some((b) => b.url.endsWith(`/api/bank/${session.id}/board`))).toBe(true);
    for (const { url, text } of bodies) {
      for (const secret of ['Yasmine', 'Belkacem', 'Dominique', participant.participantId, session.access.participantId]) {
        expect(text.includes(secret), `${secret} in ${url}`).toBe(false);
      }
      // Bundles are minified code, where six capitals can occur by chance; the code is checked in everything else.
      if (!url.includes('/assets/')) expect(text.includes(session.joinCode), `join code in ${url}`).toBe(false);
    }
  }, 90_000);
});
