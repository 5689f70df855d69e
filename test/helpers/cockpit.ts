/** The facilitator's cockpit panel, as a person uses it: open one section by its heading. */
import type { Page } from 'playwright-core';

export async function openCockpitSection(page: Page, title: string): Promise<void> {
  const toggle = page.locator('.cockpit-section__toggle').filter({ hasText: title }).first();
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
}
