import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { authed, createSession, joinSession } from '../helpers/api.js';
import { foreignRequests, recordRequests } from '../helpers/browser.js';
import { dropFile } from '../helpers/dropFile.js';
import { e2eEnvironment } from '../helpers/e2eEnvironment.js';
import { photoJpeg } from '../helpers/images.js';

const run = promisify(execFile);

async function openBoard(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByTestId('connection-status').filter({ hasText: 'Connecté' }).waitFor({ timeout: 20_000 });
}

/** Images poppler finds in a PDF. */
async function pdfImageCount(pdf: Buffer): Promise<number> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'trame-pdf-'));
  try {
    await writeFile(path.join(dir, 'r.pdf'), pdf);
    const { stdout } = await run('pdfimages', ['-list', path.join(dir, 'r.pdf')]);
    return stdout.trim().split('\n').length - 2;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe('a photo on the board', () => {
  const env = e2eEnvironment();

  it('dropped by one participant appears for another within seconds, stays out of the document, and prints in the report', async () => {
    const session = await createSession(env.t.url, { title: 'Diagnostic en marchant' });
    const dropper = await joinSession(env.t.url, session.joinCode, 'Camille', 'habitant');
    const viewer = await joinSession(env.t.url, session.joinCode, 'Hugo', 'elu');
    const contexts = await Promise.all(
      [0, 1].map(() => env.browser.newContext({ locale: 'fr-FR', viewport: { width: 1440, height: 900 } })),
    );
    const [pageA, pageB] = await Promise.all(contexts.map((c) => c.newPage()));
    const requests = [...[pageA!, pageB!].flatMap((p) => [recordRequests(p)])];
    await openBoard(pageA!, `${env.t.url}/s/${session.id}#acces=${dropper.token}`);
    await openBoard(pageB!, `${env.t.url}/s/${session.id}#acces=${viewer.token}`);
    const docBytes = () => env.t.server.registry.withBoard(session.id, (room) => Y.encodeStateAsUpdate(room.doc).byteLength);
    const before = await docBytes();

    const photo = await photoJpeg(2400, 1700);
    expect(photo.byteLength).toBeGreaterThan(2_900_000);
    const dropped = await dropFile(pageA!, { name: 'rue-de-la-gare.jpg', type: 'image/jpeg', bytes: photo }, { x: 700, y: 450 });

    // Upload, re-encoding and sync take a few seconds on a 2-core host; the margin is for a host running other tests.
    const shown = pageB!.locator('.tl-image');
    await expect.poll(() => shown.count(), { timeout: 15_000 }).toBe(1);
    expect(Date.now() - dropped).toBeLessThan(15_000);
    await expect
      .poll(() => shown.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), { timeout: 10_000 })
      .toBeGreaterThan(0);
    expect(await shown.getAttribute('src')).toMatch(new RegExp(`^/api/sessions/${session.id}/assets/[\\w-]+\\?token=`));

    // The dropper's board is still connected, and the document carries a URL, not the photo.
    await pageA!.getByTestId('connection-status').filter({ hasText: 'Connecté' }).waitFor({ timeout: 2_000 });
    expect(await pageA!.getByRole('alert').count()).toBe(0);
    expect((await docBytes()) - before).toBeLessThan(2_000);
    await pageA!.screenshot({ path: 'test-results/board-photo-1440.png' });

    const pdf = await fetch(`${env.t.url}/api/sessions/${session.id}/report.pdf`, authed(session.access.token));
    expect(pdf.status).toBe(200);
    expect(await pdfImageCount(Buffer.from(await pdf.arrayBuffer()))).toBeGreaterThan(0);

    expect(foreignRequests(requests.flat(), env.t.url)).toEqual([]);
    await Promise.all(contexts.map((c) => c.close()));
  }, 90_000);

  it('tells the dropper in French why a PDF was refused, and the board stays as it was', async () => {
    const session = await createSession(env.t.url, { title: 'Refus' });
    const context = await env.browser.newContext({ locale: 'fr-FR', viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await openBoard(page, `${env.t.url}/s/${session.id}#acces=${session.access.token}`);
    await dropFile(page, { name: 'plan-du-quartier.pdf', type: 'application/pdf', bytes: Buffer.from('%PDF-1.7 un plan') }, { x: 200, y: 400 });
    const alert = page.locator('.asset-error');
    await expect.poll(() => alert.textContent(), { timeout: 10_000 }).toMatch(/« plan-du-quartier\.pdf » n’a pas été ajouté : les PDF ne vont pas sur le tableau/);
    await page.screenshot({ path: 'test-results/board-photo-refused-390.png' });
    await expect.poll(() => page.locator('.tl-image').count()).toBe(0);
    await context.close();
  });
});
