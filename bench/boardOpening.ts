/**
 * Opening a board in a browser, first visit (empty cache): a participant's
 * phone on a mobile network until it can type an idea (the list view, which
 * loads no tldraw), and a facilitator's desktop Chromium until the four
 * canvases are drawn. Against a Trame child process serving the built client.
 */
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { readBoardGeometry } from '../shared/boardGeometry.js';
import { boardRecords } from '../shared/boardLayout.js';
import { addNoteToDoc } from '../shared/noteRecord.js';
import { placeNote } from '../shared/notePlacement.js';
import { createSession, joinSession } from '../test/helpers/api.js';
import { launchBrowser } from '../test/helpers/browser.js';
import { watchNetwork } from '../test/helpers/networkWaterfall.js';
import { MOBILE_NETWORK, joinOnPhone } from '../test/helpers/phoneJoin.js';
import { spawnTrame } from '../test/helpers/spawnServer.js';
import { connectYjsClient, whenSynced } from '../test/helpers/yjsClient.js';

export const FOUR_CANVASES = ['carte-des-acteurs', 'afom-du-territoire', 'parcours-usager', 'grille-innovation-sociale'];

export interface BoardOpeningResult {
  notes: number;
  runs: number;
  network: typeof MOBILE_NETWORK;
  /** Median over the runs, each in a fresh browser context. */
  phoneMs: number;
  phoneBytes: number;
  /** Until the board has arrived and the idea can be added. */
  phoneAddMs: number;
  phoneAddBytes: number;
  desktopMs: number;
  desktopBytes: number;
  load: { before: number; after: number };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Notes spread over the board's zones in turn, written by a stock client as tldraw would store them. */
async function seedNotes(wsUrl: string, sessionId: string, token: string, notes: number): Promise<void> {
  const client = connectYjsClient(wsUrl, sessionId, { token });
  await whenSynced(client);
  const zones = readBoardGeometry([...boardRecords(client.doc).values()]).zones;
  for (let i = 0; i < notes; i++) {
    const zone = zones[i % zones.length]!;
    const spot = placeNote(readBoardGeometry([...boardRecords(client.doc).values()]), zone);
    addNoteToDoc(client.doc, { id: `shape:bench${i}`, text: `Idée ${i} du banc d’essai`, x: spot.x, y: spot.y, scale: spot.scale, trame: {} });
  }
  await new Promise((resolve) => setTimeout(resolve, 500));
  client.destroy();
}

async function desktopOpen(browser: Browser, url: string, trace: boolean): Promise<{ ms: number; bytes: number; waterfall: string[] }> {
  const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  const network = trace ? watchNetwork(cdp) : null;
  let bytes = 0;
  cdp.on('Network.loadingFinished', (event) => (bytes += event.encodedDataLength));
  const start = performance.now();
  await page.goto(url);
  // Interactive: tldraw has drawn the board's shapes and the connection is up.
  await page.locator('.tl-shape').first().waitFor({ timeout: 60_000 });
  await page.getByTestId('connection-status').filter({ hasText: 'Connecté' }).waitFor({ timeout: 60_000 });
  const ms = performance.now() - start;
  const waterfall = network ? [...network.lines(), `${String(Math.round(ms)).padStart(5)}   canvases drawn, board connected`] : [];
  const result = { ms, bytes, waterfall };
  await context.close();
  return result;
}

/** With `trace`, each run's requests are printed as a waterfall (start → first byte → end, ms from the navigation). */
export async function runBoardOpening(options: { runs: number; notes: number; trace?: boolean }): Promise<BoardOpeningResult> {
  const before = os.loadavg()[0]!;
  const server = await spawnTrame(await mkdtemp(path.join(os.tmpdir(), 'trame-bench-open-')));
  const browser = await launchBrowser();
  try {
    const session = await createSession(server.url, { title: 'Centre-bourg', templateIds: FOUR_CANVASES });
    await seedNotes(server.wsUrl, session.id, session.access.token, options.notes);
    const phone = { ms: [] as number[], bytes: [] as number[], addMs: [] as number[], addBytes: [] as number[] };
    const desktop = { ms: [] as number[], bytes: [] as number[] };
    for (let run = 0; run < options.runs; run++) {
      const grant = await joinSession(server.url, session.joinCode, `Téléphone ${run}`, 'habitant');
      const join = await joinOnPhone(browser, `${server.url}/s/${session.id}#acces=${grant.token}`, { network: MOBILE_NETWORK, trace: options.trace });
      if (options.trace) process.stdout.write(`phone, run ${run + 1}\n${join.waterfall.join('\n')}\n`);
      phone.ms.push(join.msToType);
      phone.bytes.push(join.bytesToType);
      phone.addMs.push(join.msToAdd);
      phone.addBytes.push(join.bytesToAdd);
      await join.close();
      const open = await desktopOpen(browser, `${server.url}/s/${session.id}#acces=${session.access.token}`, Boolean(options.trace));
      if (options.trace) process.stdout.write(`desktop, run ${run + 1}\n${open.waterfall.join('\n')}\n`);
      desktop.ms.push(open.ms);
      desktop.bytes.push(open.bytes);
    }
    return {
      notes: options.notes,
      runs: options.runs,
      network: MOBILE_NETWORK,
      phoneMs: median(phone.ms),
      phoneBytes: median(phone.bytes),
      phoneAddMs: median(phone.addMs),
      phoneAddBytes: median(phone.addBytes),
      desktopMs: median(desktop.ms),
      desktopBytes: median(desktop.bytes),
      load: { before, after: os.loadavg()[0]! },
    };
  } finally {
    await browser.close();
    await server.stop();
  }
}

export function boardOpeningTable(r: BoardOpeningResult): string {
  const kb = (b: number) => `${Math.round(b / 1000)} KB`;
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  const net = `${r.network.downloadMbps} Mbit/s down, ${r.network.uploadMbps} Mbit/s up, ${r.network.rttMs} ms RTT`;
  return [
    `Four canvases and ${r.notes} notes; median of ${r.runs} first visits (fresh browser context each); host load ${r.load.before.toFixed(1)} → ${r.load.after.toFixed(1)}.`,
    '',
    '| opening | until | time | target | met | transferred (compressed) | target | met |',
    '|---|---|---|---|---|---|---|---|',
    `| participant's phone, 390×844, ${net} | the idea field takes text (list view, no tldraw) | ${s(r.phoneMs)} | < 2 s | ${r.phoneMs < 2_000 ? 'yes' : 'no'} | ${kb(r.phoneBytes)} | ≤ 500 KB | ${r.phoneBytes <= 500_000 ? 'yes' : 'no'} |`,
    `| the same | the board has arrived: the idea can be added | ${s(r.phoneAddMs)} | — | — | ${kb(r.phoneAddBytes)} | ≤ 500 KB | ${r.phoneAddBytes <= 500_000 ? 'yes' : 'no'} |`,
    `| facilitator's desktop, 1440×900, no throttling | the canvases are drawn and the board connected | ${s(r.desktopMs)} | < 2 s | ${r.desktopMs < 2_000 ? 'yes' : 'no'} | ${kb(r.desktopBytes)} | — | — |`,
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const quick = process.argv.includes('--quick');
  const trace = process.argv.includes('--trace');
  const result = await runBoardOpening({ ...(quick ? { runs: 1, notes: 50 } : { runs: 3, notes: 200 }), trace });
  process.stdout.write(`${boardOpeningTable(result)}\n`);
  process.exit(0);
}
