/**
 * A facilitator's board connects while the canvas's code (tldraw) is still on its way: held back here, the board's
 * WebSocket is open and has the board before that code arrives, and the session's socket has its connection; once the
 * code arrives, the canvas draws from that same board connection and the workshop bar uses that same session
 * connection (one of each for the page), and edits made there reach the others. What the server sends once as the
 * session is joined — a participant's private notes — reaches a board whose code came after the connection.
 */
import type { Page, WebSocket as PageSocket } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { shapeText } from '../../shared/richText.js';
import { createSession, joinSession } from '../helpers/api.js';
import { writeNote } from '../helpers/canvas.js';
import { e2eEnvironment } from '../helpers/e2eEnvironment.js';
import { connectFacilitation, send } from '../helpers/facilitationClient.js';
import { connectYjsClient, eventually, fakeNote, whenSynced } from '../helpers/yjsClient.js';

/** Holds back the canvas's code (the chunks that carry tldraw) until released. */
async function holdCanvasCode(page: Page): Promise<{ asked: () => boolean; release: () => void }> {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  let asked = false;
  await page.route(/\/assets\/.*\.js$/, async (route) => {
    const response = await route.fetch();
    const body = await response.text();
    if (body.includes('@tldraw/')) {
      asked = true;
      await held;
    }
    await route.fulfill({ response, body });
  });
  return { asked: () => asked, release };
}

describe("a board's connection, opened with the page", () => {
  const env = e2eEnvironment();

  it('has the board before the canvas code arrives, and the canvas then uses that connection', async () => {
    const session = await createSession(env.t.url, { title: 'Centre-bourg', templateIds: ['afom-du-territoire'] });
    const context = await env.browser.newContext({ locale: 'fr-FR', viewport: { width: 1440, height: 900 } });
    const reader = connectYjsClient(env.t.wsUrl, session.id, { token: session.access.token });
    try {
      const page = await context.newPage();
      const canvasCode = await holdCanvasCode(page);
      const boardSockets: PageSocket[] = [];
      const boardFrames: number[] = [];
      const sessionSockets: PageSocket[] = [];
      page.on('websocket', (socket) => {
        if (socket.url().includes('/socket.io/')) sessionSockets.push(socket);
        if (!socket.url().includes('/yjs/')) return;
        boardSockets.push(socket);
        socket.on('framereceived', (frame) => boardFrames.push(typeof frame.payload === 'string' ? frame.payload.length : frame.payload.byteLength));
      });

      await page.goto(`${env.t.url}/s/${session.id}#acces=${session.access.token}`);
      // The whole board (its template's canvas: several kilobytes) came while the canvas's code was held.
      await expect.poll(() => canvasCode.asked(), { timeout: 15_000 }).toBe(true);
      await expect.poll(() => Math.max(0, ...boardFrames), { timeout: 15_000 }).toBeGreaterThan(5_000);
      expect(await page.locator('.tl-canvas').count()).toBe(0);
      await expect.poll(() => sessionSockets.length, { timeout: 15_000 }).toBe(1);

      canvasCode.release();
      await page.getByTestId('connection-status').filter({ hasText: 'Connecté' }).waitFor({ timeout: 30_000 });
      await page.locator('.tl-shape').first().waitFor({ timeout: 30_000 });
      await writeNote(page, 700, 450, 'Un marché de producteurs');
      await whenSynced(reader);
      await eventually(() => expect([...reader.records.values()].some((r) => shapeText(r) === 'Un marché de producteurs')).toBe(true), 15_000);
      expect(boardSockets).toHaveLength(1);
      expect(sessionSockets).toHaveLength(1);
      expect(sessionSockets[0]!.isClosed()).toBe(false);
    } finally {
      reader.destroy();
      await context.close();
    }
  }, 90_000);

  it("gives a participant back their private notes though the canvas's code comes after the session's connection", async () => {
    const session = await createSession(env.t.url, { title: 'Centre-bourg', templateIds: ['afom-du-territoire'] });
    const alex = await joinSession(env.t.url, session.joinCode, 'Alex', 'habitant');
    const facilitator = await connectFacilitation(env.t.url, session.id, session.access.token);
    const author = await connectFacilitation(env.t.url, session.id, alex.token);
    const context = await env.browser.newContext({ locale: 'fr-FR', viewport: { width: 1440, height: 900 } });
    try {
      expect(await send(facilitator.socket, 'private:set', { enabled: true })).toEqual({ ok: true });
      expect(await send(author.socket, 'private:upsert', { record: { ...fakeNote('idee-privee', 'Une idée à moi'), x: 700, y: 450 } })).toEqual({ ok: true });
      author.close();

      const page = await context.newPage();
      const canvasCode = await holdCanvasCode(page);
      const sessionSockets: PageSocket[] = [];
      page.on('websocket', (socket) => {
        if (socket.url().includes('/socket.io/')) sessionSockets.push(socket);
      });
      await page.goto(`${env.t.url}/s/${session.id}#acces=${alex.token}`);
      // The session's connection is up, and anything sent on it would have arrived, before the canvas's code.
      await expect.poll(() => canvasCode.asked(), { timeout: 15_000 }).toBe(true);
      await expect.poll(() => sessionSockets.length, { timeout: 15_000 }).toBe(1);
      await page.waitForTimeout(1_000);
      canvasCode.release();
      await page.getByTestId('connection-status').filter({ hasText: 'Connecté' }).waitFor({ timeout: 30_000 });
      await page.locator('.tl-shape').filter({ hasText: 'Une idée à moi' }).waitFor({ state: 'attached', timeout: 20_000 });
    } finally {
      facilitator.close();
      await context.close();
    }
  }, 90_000);
});
