import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface PdfWord {
  page: number;
  text: string;
  /** Height of the word's box, in points: about its font size. */
  heightPt: number;
}

export interface PdfRead {
  text: string;
  layout: string;
  pages: number;
  info: Record<string, string>;
  words: PdfWord[];
  fonts: { name: string; embedded: boolean }[];
}

/** What poppler reads in a PDF: its text (plain and laid out), pages, metadata, fonts, and every word with its size. */
export async function readPdf(pdf: Buffer): Promise<PdfRead> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'trame-pdf-'));
  try {
    const file = path.join(dir, 'report.pdf');
    await writeFile(file, pdf);
    const [{ stdout: text }, { stdout: layout }, { stdout: infoText }, { stdout: bbox }, { stdout: fontList }] = await Promise.all([
      run('pdftotext', [file, '-'], { maxBuffer: 64 << 20 }),
      run('pdftotext', ['-layout', file, '-'], { maxBuffer: 64 << 20 }),
      run('pdfinfo', [file]),
      run('pdftotext', ['-bbox', file, '-'], { maxBuffer: 64 << 20 }),
      run('pdffonts', [file]),
    ]);
    // pdffonts: a two-line header, then one font a line; « emb » is the column after the encoding.
    const fonts = fontList.split('\n').slice(2).filter(Boolean).map((line) => {
      const cols = line.trim().split(/\s+/);
      return { name: cols[0]!, embedded: cols[cols.length - 5] === 'yes' };
    });
    const info = Object.fromEntries(
      infoText.split('\n').flatMap((line) => {
        const m = /^([^:]+):\s*(.*)$/.exec(line);
        return m ? [[m[1]!, m[2]!]] : [];
      }),
    );
    const words: PdfWord[] = [];
    let page = 0;
    for (const line of bbox.split('\n')) {
      if (line.includes('<page ')) page += 1;
      const m = /<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/.exec(line);
      if (m) words.push({ page, text: m[3]!.replace(/&amp;/g, '&').replace(/&#39;|&apos;/g, "'").replace(/&quot;/g, '"'), heightPt: Number(m[2]) - Number(m[1]) });
    }
    return { text, layout, pages: Number(info.Pages), info, words, fonts };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** One page rasterised by pdftoppm, as PNG bytes. */
export async function rasterisePage(pdf: Buffer, page: number, dpi = 100): Promise<Buffer> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'trame-pdf-'));
  try {
    const file = path.join(dir, 'report.pdf');
    await writeFile(file, pdf);
    const { stdout } = await run('pdftoppm', ['-png', '-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', file], {
      encoding: 'buffer',
      maxBuffer: 64 << 20,
    });
    return stdout;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** How many images a PDF holds, by poppler's pdfimages. */
export async function imageCount(pdf: Buffer): Promise<number> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'trame-pdf-'));
  try {
    const file = path.join(dir, 'report.pdf');
    await writeFile(file, pdf);
    const { stdout } = await run('pdfimages', ['-list', file]);
    return stdout.split('\n').slice(2).filter((line) => line.trim()).length;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
