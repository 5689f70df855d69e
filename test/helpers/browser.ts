/** Debian's Chromium driven by playwright-core, as CI runs it. */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_SWITCHES } from '../../server/export/chromiumSwitches.js';
import { cspViolations } from './cspViolations.js';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Chromium reports each violation on the console as "Refused to … because it violates … Content Security Policy". */
function watchCsp(context: BrowserContext): BrowserContext {
  context.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) cspViolations.push(`${message.page()?.url() ?? ''}: ${message.text()}`);
  });
  return context;
}

export async function launchBrowser(): Promise<Browser> {
  const browser = await launchUnwatched();
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => watchCsp(await newContext(options));
  browser.newPage = async (options) => {
    const context = await browser.newContext(options);
    const page = await context.newPage();
    // As playwright's own newPage: closing the page closes its context.
    page.on('close', () => void context.close().catch(() => undefined));
    return page;
  };
  return browser;
}

function launchUnwatched(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_SWITCHES,
  });
}

/** Records every request a page makes, to assert nothing leaves the server's origin. */
export function recordRequests(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (request) => urls.push(request.url()));
  return urls;
}

export function foreignRequests(urls: string[], origin: string): string[] {
  return urls.filter((url) => !url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:'));
}
