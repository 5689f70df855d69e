/**
 * A phone's browser negotiates compression on its board socket and reads the batches of edits the server
 * deflates once for everyone: what others write in one go shows on its list.
 */
import { describe, expect, it } from 'vitest';
import { readBoardGeometry } from '../../shared/boardGeometry.js';
import { YJS_PATH } from '../../shared/paths.js';
import { createSession, joinSession } from '../helpers/api.js';
import { e2eEnvironment } from '../helpers/e2eEnvironment.js';
import { noteRecord } from '../helpers/records.js';
import { connectYjsClient, whenSynced } from '../helpers/yjsClient.js';

describe('a phone on its list', () => {
  const env = e2eEnvironment();

  it('receives a batch of others’ ideas compressed and lists every one of them', { timeout: 60_000 }, async () => {
    const session = await createSession(env.t.url, { title: 'Centre-bourg', templateIds: ['afom-du-territoire'] });
    const grant = await joinSession(env.t.url, session.joinCode, 'Yasmine', 'habitant');
    const context = await env.browser.newContext({ locale: 'fr-FR', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const phone = await context.newPage();
    const cdp = await context.newCDPSession(phone);
    await cdp.send('Network.enable');
    const sockets = new Map<string, string>();
    cdp.on('Network.webSocketCreated', (event) => sockets.set(event.requestId, event.url));
    // A frame the browser could not inflate would fail the socket, and the reconnection's sync would hide it.
    const failures: string[] = [];
    cdp.on('Network.webSocketFrameError', (event) => failures.push(event.errorMessage));
    cdp.on('Network.webSocketClosed', (event) => failures.push(`closed ${sockets.get(event.requestId)}`));
    const extensions = new Promise<string>((resolve) =>
      cdp.on('Network.webSocketHandshakeResponseReceived', (event) => {
        const headers = event.response.headers as Record<string, string>;
        const name = Object.keys(headers).find((h) => h.toLowerCase() === 'sec-websocket-extensions');
        if (sockets.get(event.requestId)?.includes(`${YJS_PATH}/`)) resolve(name ? headers[name]! : '');
      }),
    );
    // y-websocket logs an update it cannot read (« Caught error while handling a Yjs update ») and goes on.
    phone.on('console', (message) => message.type() === 'error' && failures.push(message.text()));
    phone.on('pageerror', (error) => failures.push(error.message));
    await phone.goto(`${env.t.url}/s/${session.id}#acces=${grant.token}`);
    const list = phone.getByTestId('list-view');
    await list.waitFor({ timeout: 20_000 });
    expect(await extensions).toMatch(/permessage-deflate/);

    const writer = connectYjsClient(env.t.wsUrl, session.id, { token: session.access.token });
    try {
      await whenSynced(writer);
      const geometry = readBoardGeometry(writer.records.values());
      const zone = geometry.zones.find((z) => z.label === 'Atouts')!;
      const ideas = Array.from({ length: 12 }, (_, i) => `Un lieu pour se retrouver, idée ${i + 1}`);
      writer.doc.transact(() => {
        ideas.forEach((text, i) => {
          const note = noteRecord(`atout-${i}`, text, { x: zone.box.x + 10 + (i % 4) * 40, y: zone.box.y + 10 + Math.floor(i / 4) * 40 });
          writer.records.set(note.id, note);
        });
      });
      for (const text of ideas) await list.getByText(text, { exact: true }).waitFor({ timeout: 10_000 });
      expect(failures).toEqual([]);
      expect([...sockets.values()].filter((url) => url.includes(`${YJS_PATH}/`))).toHaveLength(1);
    } finally {
      writer.destroy();
      await context.close();
    }
  });
});
