/**
 * PDF report: a session drawn with many templates and covered in notes, and
 * how long `GET /api/sessions/:id/report.pdf` takes, on a Trame serving its
 * built client (headless Chromium opens the client's report page).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../server/config.js';
import { trameMeta, type BoardRecord } from '../shared/boardLayout.js';
import { authed, createSession } from '../test/helpers/api.js';
import { readPdf } from '../test/helpers/pdf.js';
import { noteRecord } from '../test/helpers/records.js';
import { spawnTrame } from '../test/helpers/spawnServer.js';
import { whenSynced } from '../test/helpers/yjsClient.js';
import { connectToBoard, timedJoin, type BenchBoard } from './benchClients.js';

export type PdfReportResult =
  | { skipped: string }
  | {
      templates: number;
      notes: number;
      /** First export, Chromium prewarmed at startup (REPORT_PREWARM=1). */
      firstMs: number;
      /** Second export of the same, unchanged session (served from the report cache). */
      againMs: number;
      /** Export after one note changed: a full render on the warm Chromium. */
      changedMs: number;
      /** The machine's 1-minute load average before and after (the bench machine is shared). */
      load: { before: number; after: number; cpus: number };
      bytes: number;
      pages: number;
      /** Notes whose text pdftotext finds in the PDF: a render that drops notes would look fast. */
      notesInText: number;
      /** Where the time went, from the server's debug log: the renderer's warm-up, then each export's marks. */
      split: { warmUpMs?: number; first: ExportSplit; again: ExportSplit; changed: ExportSplit };
    };

/** One export's time by stage, as the server logs it (absent: the stage did not run, e.g. a cached PDF). */
export interface ExportSplit {
  dataMs?: number;
  queueMs?: number;
  pageMs?: number;
  layoutMs?: number;
  printMs?: number;
  /** From the data build's start to the PDF in hand, as the server counts it. */
  serverMs?: number;
}

type LogLine = { msg?: string } & Record<string, unknown>;

/** The server's debug lines about reports, in order, as they arrive on its stdout. */
function reportLog(server: { child: { stdout: NodeJS.ReadableStream | null } }): LogLine[] {
  const lines: LogLine[] = [];
  let rest = '';
  server.child.stdout?.on('data', (chunk: Buffer) => {
    const text = rest + chunk.toString('utf8');
    const parts = text.split('\n');
    rest = parts.pop() ?? '';
    for (const part of parts) {
      if (!part.includes('"report ')) continue;
      try {
        lines.push(JSON.parse(part) as LogLine);
      } catch {
        // not one of the server's JSON lines
      }
    }
  });
  return lines;
}

const num = (v: unknown) => (typeof v === 'number' ? v : undefined);

/**
 * The marks of the `n`th export: its data build, its wait in the queue and its render, read from the lines
 * between its « report data built » and the next (the log reaches the bench after the answer, so it is read at the end).
 */
function splitOf(lines: LogLine[], n: number): ExportSplit {
  const starts = lines.flatMap((l, i) => (l.msg === 'report data built' ? [i] : []));
  const split: ExportSplit = {};
  for (const line of lines.slice(starts[n] ?? lines.length, starts[n + 1] ?? lines.length)) {
    split.dataMs ??= num(line.dataMs);
    split.queueMs ??= num(line.queueMs);
    if (process.env.PDF_TRACE) process.stderr.write(`${JSON.stringify(line)}\n`);
    if (line.msg === 'report ready') split.serverMs = num(line.totalMs);
    if (line.msg === 'report rendered') Object.assign(split, { pageMs: num(line.pageMs), layoutMs: num(line.layoutMs), printMs: num(line.printMs) });
  }
  return split;
}

type Zone = BoardRecord & { x: number; y: number; props: { w: number; h: number } };

const REPO = path.resolve(import.meta.dirname, '..');
const SEED_BATCH = 50;
// A note is 200 × 200 at scale 1; keeping its corner this far from a zone's right and bottom edges keeps most of it inside.
const NOTE_MARGIN = 100;

const noteText = (i: number) => `Contribution ${String(i).padStart(4, '0')}`;

/** Top-left corners spread over the zones in turn, each inside its zone. */
function placeNotes(zones: Zone[], notes: number): { x: number; y: number }[] {
  return Array.from({ length: notes }, (_, i) => {
    const zone = zones[i % zones.length]!;
    const k = Math.floor(i / zones.length);
    const spanX = Math.max(1, zone.props.w - NOTE_MARGIN);
    const spanY = Math.max(1, zone.props.h - NOTE_MARGIN);
    // Steps coprime with typical spans scatter the notes instead of stacking them.
    return { x: zone.x + ((k * 97) % spanX), y: zone.y + ((k * 61) % spanY) };
  });
}

function ensureBuiltClient(): void {
  if (existsSync(path.join(REPO, 'dist/client/index.html'))) return;
  execFileSync('npm', ['run', 'build'], { cwd: REPO, stdio: ['ignore', 'ignore', 'inherit'] });
}

/** The targets: 14 canvases and 500 notes under 5 s, a second export under 3 s. */
export const PDF_FIRST_TARGET_MS = 5_000;
export const PDF_AGAIN_TARGET_MS = 3_000;

export async function runPdfReport(templateCount: number, notes: number, savePdfTo?: string): Promise<PdfReportResult> {
  const loadBefore = os.loadavg()[0]!;
  // The spawned server reads the same environment, so this is the Chromium it will launch.
  const { chromiumPath } = loadConfig();
  if (!existsSync(chromiumPath)) return { skipped: `no Chromium at ${chromiumPath} (apt-get install chromium, or CHROMIUM_PATH)` };
  ensureBuiltClient();
  // As deployed for reports: Chromium started with the server (REPORT_PREWARM), not by the first export.
  const server = await spawnTrame(await mkdtemp(path.join(os.tmpdir(), 'trame-bench-pdf-')), { env: { REPORT_PREWARM: '1', LOG_LEVEL: 'debug' } });
  const log = reportLog(server);
  try {
    const { templates } = (await (await fetch(`${server.url}/api/templates`)).json()) as { templates: { id: string }[] };
    const templateIds = templates.slice(0, templateCount).map((t) => t.id);
    const session = await createSession(server.url, { title: 'Compte rendu complet', templateIds });
    const board: BenchBoard = { room: session.id, params: { token: session.access.token } };

    const writer = connectToBoard(server, board);
    await whenSynced(writer, 60_000);
    const before = writer.records.size;
    const zones = [...writer.records.values()].filter((r): r is Zone => trameMeta(r)?.role === 'zone');
    if (zones.length === 0) throw new Error('the session has no zones to put notes in');
    const corners = placeNotes(zones, notes);
    for (let i = 0; i < notes; i += SEED_BATCH) {
      writer.doc.transact(() => {
        for (let j = i; j < Math.min(notes, i + SEED_BATCH); j++) {
          writer.records.set(`shape:bench-note-${j}`, noteRecord(`bench-note-${j}`, noteText(j), corners[j]!));
        }
      });
      await new Promise((r) => setImmediate(r));
    }
    // A fresh client holding every note means the server does too.
    const { client } = await timedJoin(server, board, before + notes);
    client.destroy();

    const exportPdf = async () => {
      const startedAt = performance.now();
      const res = await fetch(`${server.url}/api/sessions/${session.id}/report.pdf`, authed(session.access.token));
      if (res.status !== 200) throw new Error(`report.pdf answered ${res.status}: ${await res.text()}`);
      const pdf = Buffer.from(await res.arrayBuffer());
      return { ms: performance.now() - startedAt, pdf };
    };
    const first = await exportPdf();
    const again = await exportPdf();
    // One note edited: the cache no longer applies, the warm renderer lays out and prints all of it again.
    writer.records.set('shape:bench-note-0', noteRecord('bench-note-0', `${noteText(0)} (modifiée)`, corners[0]!));
    await new Promise((r) => setTimeout(r, 500));
    writer.destroy();
    const changed = await exportPdf();
    if (savePdfTo) await writeFile(savePdfTo, first.pdf);
    const { text, pages } = await readPdf(first.pdf);
    const flat = text.replace(/\s+/g, ' ');
    const notesInText = Array.from({ length: notes }, (_, i) => noteText(i)).filter((t) => flat.includes(t)).length;
    return {
      templates: templateIds.length,
      notes,
      firstMs: first.ms,
      againMs: again.ms,
      changedMs: changed.ms,
      load: { before: loadBefore, after: os.loadavg()[0]!, cpus: os.cpus().length },
      bytes: first.pdf.length,
      pages,
      notesInText,
      split: { warmUpMs: num(log.find((l) => l.msg === 'report renderer warm')?.warmUpMs), first: splitOf(log, 0), again: splitOf(log, 1), changed: splitOf(log, 2) },
    };
  } finally {
    await server.kill();
  }
}
