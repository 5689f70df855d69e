import { afterEach, describe, expect, it } from 'vitest';
import { shapeText } from '../../shared/richText.js';
import { createSession, joinSession } from '../helpers/api.js';
import { writeNote } from '../helpers/canvas.js';
import { e2eEnvironment } from '../helpers/e2eEnvironment.js';
import { startTcpProxy, type TcpProxy } from '../helpers/tcpProxy.js';
import { connectYjsClient, eventually, whenSynced, type YjsClient } from '../helpers/yjsClient.js';

describe('the connection indicator', () => {
  const env = e2eEnvironment();
  let proxy: TcpProxy | undefined;
  let reader: YjsClient | undefined;
  afterEach(async () => {
    reader?.destroy();
    await proxy?.close();
  });

  it('says « Reconnexion… » within 5 s of a network gone silent, counts the edits made meanwhile, and sends them when it carries again', { timeout: 90_000 }, async () => {
    const session = await createSession(env.t.url, { title: 'Réseau de la salle des fêtes' });
    const grant = await joinSession(env.t.url, session.joinCode, 'Camille', 'habitant');
    // The browser reaches the server only through a relay the test can silence, as a venue's wifi does.
    proxy = await startTcpProxy(env.t.url);
    const origin = new URL(proxy.url).origin;
    const page = await (await env.browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 800 } })).newPage();
    await page.goto(`${origin}/s/${session.id}#acces=${grant.token}`);
    const status = page.getByTestId('connection-status');
    await status.filter({ hasText: 'Connecté' }).waitFor({ timeout: 20_000 });
    reader = connectYjsClient(env.t.wsUrl, session.id, { token: session.access.token });
    await whenSynced(reader);

    proxy.stall();
    const silentSince = Date.now();
    await status.filter({ hasText: 'Reconnexion…' }).waitFor({ timeout: 5_000 });
    expect(Date.now() - silentSince).toBeLessThan(5_000);

    await writeNote(page, 400, 300, 'Écrit sans réseau');
    await writeNote(page, 750, 300, 'Toujours sans réseau');
    // Polled on the text rather than waited on a locator, so a failure says what the indicator showed instead.
    await expect.poll(() => status.textContent(), { timeout: 5_000 }).toMatch(/2 modifications en attente/);
    const texts = () => [...reader!.records.values()].map(shapeText).filter(Boolean);
    expect(texts()).toEqual([]);

    proxy.resume();
    await status.filter({ hasText: 'Connecté' }).waitFor({ timeout: 10_000 });
    expect(await status.textContent()).not.toMatch(/en attente/);
    await eventually(() => expect(texts().sort()).toEqual(['Toujours sans réseau', 'Écrit sans réseau']));
    await page.context().close();
  });
});
