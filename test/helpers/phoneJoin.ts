/**
 * A participant's phone opening its board link, watched from Chromium's
 * network layer (DevTools protocol): the bytes it receives (HTTP responses as
 * transferred, compressed; WebSocket frames as DevTools gives them, inflated,
 * so an upper bound where the board's socket is compressed) and the time until the
 * person can type an idea in the list view, then until the board has arrived
 * and the idea can be added (it returns then). Used by the phone e2e tests and
 * by the bench, which adds a mobile network's speed.
 */
import type { Browser, Page } from 'playwright-core';
import { watchNetwork } from './networkWaterfall.js';

/** A phone on a fair mobile network: 9 Mbit/s down, 1.5 Mbit/s up, 150 ms round trip. */
export const MOBILE_NETWORK = { downloadMbps: 9, uploadMbps: 1.5, rttMs: 150 };

export interface PhoneJoin {
  page: Page;
  /** From the navigation until the idea field takes text. */
  msToType: number;
  /** Received until then: HTTP responses as transferred, plus WebSocket frames. */
  bytesToType: number;
  /** From the navigation until the board is there and the idea can be added (its zone chosen). */
  msToAdd: number;
  bytesToAdd: number;
  /** Scripts and style sheets received until then. */
  assets: string[];
  /** The path of every request the page made until then, in the order they were sent. */
  requests: string[];
  /** With `trace`: each request's start, first byte and end, in ms from the navigation. */
  waterfall: string[];
  /** Of those, the ones that are tldraw's (its code names its packages; its style sheet styles `.tl-container`). */
  tldrawAssets: () => Promise<string[]>;
  close: () => Promise<void>;
}

const isTldraw = (type: string, body: string) => (type === 'script' ? body.includes('@tldraw/') : body.includes('.tl-container'));

export async function joinOnPhone(browser: Browser, url: string, options: { network?: typeof MOBILE_NETWORK; trace?: boolean } = {}): Promise<PhoneJoin> {
  const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  if (options.network) {
    const { downloadMbps, uploadMbps, rttMs } = options.network;
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: rttMs,
      downloadThroughput: (downloadMbps * 1e6) / 8,
      uploadThroughput: (uploadMbps * 1e6) / 8,
    });
  }
  const network = options.trace ? watchNetwork(cdp) : null;
  let bytes = 0;
  cdp.on('Network.loadingFinished', (event) => (bytes += event.encodedDataLength));
  // Frames are counted by their payload (text, or binary as base64), inflated: DevTools does not give their size on the wire.
  cdp.on('Network.webSocketFrameReceived', (event) =>
    (bytes += event.response.opcode === 2 ? Math.floor((event.response.payloadData.length * 3) / 4) : event.response.payloadData.length),
  );
  const bodies: { url: string; type: string; body: Promise<string> }[] = [];
  page.on('response', (response) => {
    const type = response.request().resourceType();
    if (type === 'script' || type === 'stylesheet') bodies.push({ url: response.url(), type, body: response.text().catch(() => '') });
  });

  const requests: string[] = [];
  page.on('request', (request) => requests.push(new URL(request.url()).pathname));

  const start = performance.now();
  await page.goto(url);
  const idea = page.getByLabel('Votre idée');
  await idea.waitFor({ timeout: 30_000 });
  await page.waitForFunction(() => !(document.getElementById('idea-text') as HTMLTextAreaElement | null)?.disabled, undefined, {
    timeout: 30_000,
  });
  const msToType = performance.now() - start;
  const bytesToType = bytes;
  await page.waitForFunction(() => !(document.getElementById('idea-zone') as HTMLSelectElement | null)?.disabled, undefined, {
    timeout: 30_000,
  });
  const msToAdd = performance.now() - start;
  const bytesToAdd = bytes;
  const seen = [...bodies];
  return {
    page,
    msToType,
    bytesToType,
    msToAdd,
    bytesToAdd,
    waterfall: network
      ? [...network.lines(), `${String(Math.round(msToType)).padStart(5)}   the idea field takes text`, `${String(Math.round(msToAdd)).padStart(5)}   the idea can be added`]
      : [],
    assets: seen.map((b) => b.url),
    requests: [...requests],
    tldrawAssets: async () => {
      const all = await Promise.all(bodies.map(async (b) => ({ ...b, text: await b.body })));
      return all.filter((b) => isTldraw(b.type, b.text)).map((b) => b.url);
    },
    close: () => context.close(),
  };
}
