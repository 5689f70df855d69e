import type { Locator, Page } from 'playwright-core';

/** Presses Tab until `target` has the focus, as a keyboard-only person would; fails if it never gets it. */
export async function tabTo(page: Page, target: Locator, maxPresses = 80): Promise<void> {
  const handle = await target.elementHandle();
  if (!handle) throw new Error('tabTo: target not found');
  for (let i = 0; i < maxPresses; i++) {
    if (await handle.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`tabTo: no focus after ${maxPresses} presses of Tab`);
}
