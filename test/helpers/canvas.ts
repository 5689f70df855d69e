import type { Page } from 'playwright-core';

/**
 * Writes a note with a real keyboard and mouse: a click on the canvas (at `x`, `y` from its top-left corner),
 * the note tool's shortcut, a click, typing, Escape. It returns once the note shows its text and is no longer
 * being edited, so what a test checks next follows a note that exists — on a busy host, keys typed before the
 * note's editor has the focus would otherwise go to the canvas as shortcuts.
 */
export async function writeNote(page: Page, x: number, y: number, text: string): Promise<void> {
  const canvas = page.locator('.tl-canvas');
  await canvas.click({ position: { x, y } });
  await page.keyboard.press('n');
  await canvas.click({ position: { x, y } });
  const editing = page.locator('.tl-shape [contenteditable="true"]');
  await editing.waitFor();
  await page.waitForFunction(() => document.activeElement?.getAttribute('contenteditable') === 'true');
  await page.keyboard.type(text);
  await page.locator('.tl-shape', { has: page.locator('[contenteditable="true"]') }).filter({ hasText: text }).waitFor();
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await editing.waitFor({ state: 'detached' });
}
