/** Visible controls a person cannot reach: covered by another element, or partly outside the window. */
import type { Page } from 'playwright-core';

export interface Unreachable {
  control: string;
  problem: 'covered' | 'outside';
  by?: string;
}

/**
 * Every visible button, link and field is scrolled into view inside its own
 * scroll container, then hit-tested at its centre: the element found there
 * must be the control or inside it, and the control must lie inside the window.
 */
export function unreachableControls(page: Page): Promise<Unreachable[]> {
  return page.evaluate(() => {
    const describe = (el: Element) => {
      const text = (el.getAttribute('aria-label') ?? el.textContent ?? (el as HTMLInputElement).value ?? '').trim().slice(0, 40);
      const cls = typeof el.className === 'string' ? el.className.split(' ').filter(Boolean).slice(0, 2).join('.') : '';
      return `${el.tagName.toLowerCase()}${cls ? `.${cls}` : ''}${text ? ` « ${text} »` : ''}`;
    };
    const found: Unreachable[] = [];
    const controls = document.querySelectorAll('button, a[href], input, select, textarea, [role="button"]');
    for (const el of controls) {
      if (el.closest('.visually-hidden')) continue;
      // Hidden by style, or rendered out of sight (the content of a closed <details>, as the canvas navigator's menu).
      if (!el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
      let rect = el.getBoundingClientRect();
      // tldraw's skip link sits off screen until focused, by design.
      if (rect.width < 2 || rect.height < 2 || rect.right < 0 || rect.bottom < 0) continue;
      el.scrollIntoView({ block: 'nearest', inline: 'nearest' });
      rect = el.getBoundingClientRect();
      const inside = rect.left >= -0.5 && rect.top >= -0.5 && rect.right <= innerWidth + 0.5 && rect.bottom <= innerHeight + 0.5;
      if (!inside) {
        found.push({ control: describe(el), problem: 'outside' });
        continue;
      }
      const hit = document.elementFromPoint(rect.left + rect.width / 2, rect.top + rect.height / 2);
      if (!hit || !(hit === el || el.contains(hit))) found.push({ control: describe(el), problem: 'covered', by: hit ? describe(hit) : 'nothing' });
    }
    return found;
  });
}
