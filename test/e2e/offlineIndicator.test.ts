import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { shapeText } from '../../shared/richText.js';
import { createSession, joinSession } from '../helpers/api.js';
import { e2eEnvironment } from '../helpers/e2eEnvironment.js';
import { startTcpProxy, type TcpProxy } from '../helpers/tcpProxy.js';
import { connectYjsClient, eventually, whenSynced, type YjsClient } from '../helpers/yjsClient.js';

/** Real keyboard and mouse: the note tool's shortcut, a click on the canvas, typing, Escape. */
async function writeNote(page: Page, x: number, y: number, text: string): Promise<void> {
  await page.locator('.tl-canvas').click({ position: { x, y } });
  await page.keyboard.press('n');
  await page.mouse.click(x, y);
  await page.locator('.tl-shape [contenteditable="true"]').waitFor();
  await page.keyboard.type(text);
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
}

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
    await status.filter({ hasText: '2 modifications en attente' }).waitFor({ timeout: 5_000 });
    const texts = () => [...reader!.records.values()].map(shapeText).filter(Boolean);
    expect(texts()).toEqual([]);

    proxy.resume();
    await status.filter({ hasText: 'Connecté' }).waitFor({ timeout: 10_000 });
    expect(await status.textContent()).not.toMatch(/en attente/);
    await eventually(() => expect(texts().sort()).toEqual(['Toujours sans réseau', 'Écrit sans réseau']));
    await page.context().close();
  });
});
