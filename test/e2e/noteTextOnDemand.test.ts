/**
 * A board's notes are outlined from their records and their text measured only when asked for (deferredNoteLabel):
 * a note already on the board must still be picked, opened by a double click on its text, and grow as tldraw's do.
 */
import { describe, expect, it } from 'vitest';
import { readBoardGeometry } from '../../shared/boardGeometry.js';
import { boardRecords } from '../../shared/boardLayout.js';
import { addNoteToDoc } from '../../shared/noteRecord.js';
import { placeNote } from '../../shared/notePlacement.js';
import { shapeText } from '../../shared/richText.js';
import { createSession } from '../helpers/api.js';
import { e2eEnvironment } from '../helpers/e2eEnvironment.js';
import { connectYjsClient, eventually, whenSynced } from '../helpers/yjsClient.js';

describe('a note written elsewhere, on the facilitator’s canvas', () => {
  const env = e2eEnvironment();

  it('opens for editing on a double click on its text and keeps what is typed', async () => {
    const session = await createSession(env.t.url, { title: 'Centre-bourg', templateIds: ['afom-du-territoire'] });
    const writer = connectYjsClient(env.t.wsUrl, session.id, { token: session.access.token });
    const context = await env.browser.newContext({ locale: 'fr-FR', viewport: { width: 1440, height: 900 } });
    try {
      await whenSynced(writer);
      const geometry = readBoardGeometry([...boardRecords(writer.doc).values()]);
      const spot = placeNote(geometry, geometry.zones[0]!);
      expect(addNoteToDoc(writer.doc, { id: 'shape:ecrite-ailleurs', text: 'Une halle ouverte le samedi', x: spot.x, y: spot.y, scale: spot.scale, trame: {} }).ok).toBe(true);

      const page = await context.newPage();
      await page.goto(`${env.t.url}/s/${session.id}#acces=${session.access.token}`);
      const note = page.locator('.tl-shape').filter({ hasText: 'Une halle ouverte le samedi' });
      await note.waitFor({ timeout: 20_000 });
      await page.getByTestId('connection-status').filter({ hasText: 'Connecté' }).waitFor({ timeout: 20_000 });

      await note.getByText('Une halle ouverte le samedi').dblclick();
      const editing = page.locator('.tl-shape [contenteditable="true"]');
      await editing.waitFor();
      await page.waitForFunction(() => document.activeElement?.getAttribute('contenteditable') === 'true');
      // tldraw selects the whole text as editing begins, a frame or more after the focus on a busy host: once it has,
      // the text is typed again, longer.
      await page.waitForFunction(() => window.getSelection()?.toString().trim() === 'Une halle ouverte le samedi');
      const longer = 'Une halle ouverte le samedi, avec des producteurs du canton et une buvette tenue par les associations du bourg';
      await page.keyboard.type(longer);
      await page.locator('.tl-shape [contenteditable="true"]').filter({ hasText: longer }).waitFor();
      await page.keyboard.press('Escape');
      await editing.waitFor({ state: 'detached' });

      await eventually(() => {
        const record = boardRecords(writer.doc).get('shape:ecrite-ailleurs');
        expect(shapeText(record!)).toBe(longer);
        // tldraw grew the note to its text when it was edited, and the outline drawn follows the record.
        expect((record!.props as { growY: number }).growY).toBeGreaterThan(0);
      }, 15_000);
      const box = (await note.boundingBox())!;
      expect(box.height).toBeGreaterThan(box.width * 1.05);
    } finally {
      writer.destroy();
      await context.close();
    }
  }, 90_000);
});
