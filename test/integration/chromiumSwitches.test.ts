import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHROMIUM_SWITCHES, PLAYWRIGHT_DISABLED_FEATURES } from '../../server/export/chromiumSwitches.js';
import { launchBrowser } from '../helpers/browser.js';

describe("Chromium's switches", () => {
  it("carry every feature playwright-core disables, since Chromium keeps only the last list it is given", async () => {
    const bundle = await readFile(path.join(path.dirname(createRequire(import.meta.url).resolve('playwright-core')), 'lib/coreBundle.js'), 'utf8');
    const list = /disabledFeatures = \[([\s\S]*?)\]/.exec(bundle)?.[1];
    expect(list, "playwright-core's disabled features, where 1.65 declares them").toBeDefined();
    const theirs = [...(list ?? '').matchAll(/^\s*"([A-Za-z]+)",?$/gm)].map((m) => m[1]);
    expect(theirs.length).toBeGreaterThan(5);
    expect([...PLAYWRIGHT_DISABLED_FEATURES].sort()).toEqual([...theirs].sort());
    expect(CHROMIUM_SWITCHES.filter((s) => s.startsWith('--disable-features='))).toHaveLength(1);
  });

  it("open a window without rendering the address bar's suggestion popups", { timeout: 30_000 }, async () => {
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      await page.goto('about:blank');
      // Chromium opens the popups' pages within a second of the window; give it more.
      await page.waitForTimeout(2_000);
      const { targetInfos } = await (await browser.newBrowserCDPSession()).send('Target.getTargets');
      expect(targetInfos.filter((target) => target.type === 'browser_ui').map((target) => target.url)).toEqual([]);
      expect(targetInfos.filter((target) => target.type === 'page').map((target) => target.url)).toEqual(['about:blank']);
    } finally {
      await browser.close();
    }
  });
});
