/**
 * A tldraw note written without tldraw: the phone's list view adds ideas
 * straight into the board's Y.Doc so that it never downloads the canvas.
 * The record is the one tldraw's own `createShape` writes for a note at the
 * versions below (`test/unit/noteRecord.test.ts` checks it against tldraw's
 * validator and schema, so a tldraw upgrade that changes notes fails there).
 */
import { META_SCHEMA, TRAME_META_KEY, boardMeta, boardRecords, type BoardRecord } from './boardLayout.js';
import type * as Y from 'yjs';

/** The record versions this file writes, as named in a tldraw serialized schema. */
export const NOTE_RECORD_VERSIONS: Readonly<Record<string, number>> = {
  'com.tldraw.shape': 4,
  'com.tldraw.shape.note': 13,
};

/** Whether a board's records are at the versions written here (else only tldraw may write, migrating first). */
export function writesNotesAsBoard(schema: unknown): boolean {
  const sequences = (schema as { sequences?: Record<string, unknown> } | undefined)?.sequences;
  return Boolean(sequences) && Object.entries(NOTE_RECORD_VERSIONS).every(([key, version]) => sequences?.[key] === version);
}

const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/**
 * A fractional index key above `below` (tldraw's order keys, base 62): its integer part plus one and a
 * random last digit, so two phones adding at once rarely share a key (tldraw accepts equal keys anyway).
 */
export function indexAbove(below: string | null): string {
  const jitter = DIGITS[1 + Math.floor(Math.random() * (DIGITS.length - 1))]!;
  if (!below) return `a1${jitter}`;
  const head = below[0]!;
  const length = head >= 'a' && head <= 'z' ? head.charCodeAt(0) - 'a'.charCodeAt(0) + 2 : 'Z'.charCodeAt(0) - head.charCodeAt(0) + 2;
  const digits = below.slice(1, length).split('');
  for (let i = digits.length - 1; i >= 0; i--) {
    const next = DIGITS.indexOf(digits[i]!) + 1;
    if (next < DIGITS.length) {
      digits[i] = DIGITS[next]!;
      return `${head}${digits.join('')}${jitter}`;
    }
    digits[i] = '0';
  }
  // Every digit was the largest: keep the integer part and go above its fraction instead.
  return `${below}${jitter}`;
}

/** tldraw's rich text for plain text: one paragraph per line. */
export function plainToRichText(text: string): object {
  return {
    type: 'doc',
    content: text.split('\n').map((line) => (line ? { type: 'paragraph', content: [{ type: 'text', text: line }] } : { type: 'paragraph' })),
  };
}

export interface NewNote {
  id: string;
  text: string;
  x: number;
  y: number;
  scale: number;
  /** tldraw's colour name (a collège's when the session colours notes by collège). */
  color?: string;
  /** Trame's meta: author, collège, canvas when the note lands outside its zones. */
  trame: Record<string, unknown>;
}

/** The page new notes go on: the board's first page, in tldraw's order. */
function firstPageId(records: Iterable<BoardRecord>): string | undefined {
  let first: BoardRecord | undefined;
  for (const r of records) if (r.typeName === 'page' && (!first || String(r.index) < String(first.index))) first = r;
  return first?.id;
}

/** The note as tldraw stores it, on top of every shape of `pageId`. */
export function noteRecord(note: NewNote, pageId: string, records: Iterable<BoardRecord>): BoardRecord {
  let top: string | null = null;
  for (const r of records) {
    if (r.typeName === 'shape' && r.parentId === pageId && typeof r.index === 'string' && (top === null || r.index > top)) top = r.index;
  }
  return {
    id: note.id,
    typeName: 'shape',
    type: 'note',
    x: note.x,
    y: note.y,
    rotation: 0,
    index: indexAbove(top),
    parentId: pageId,
    isLocked: false,
    opacity: 1,
    meta: { [TRAME_META_KEY]: note.trame },
    props: {
      color: note.color ?? 'black',
      richText: plainToRichText(note.text),
      size: 'm',
      font: 'draw',
      align: 'middle',
      verticalAlign: 'middle',
      labelColor: 'black',
      growY: 0,
      fontSizeAdjustment: 1,
      url: '',
      scale: note.scale,
      textLastEditedBy: null,
    },
  };
}

export type AddNoteResult = { ok: true; record: BoardRecord } | { ok: false; reason: 'no-page' | 'schema' };

/** Builds the note for `doc`'s board; writes it unless `write` is false (a private note goes elsewhere). */
export function addNoteToDoc(doc: Y.Doc, note: NewNote, write = true): AddNoteResult {
  if (!writesNotesAsBoard(boardMeta(doc).get(META_SCHEMA))) return { ok: false, reason: 'schema' };
  const records = boardRecords(doc);
  const pageId = firstPageId(records.values());
  if (!pageId) return { ok: false, reason: 'no-page' };
  const record = noteRecord(note, pageId, records.values());
  if (write) records.set(record.id, record);
  return { ok: true, record };
}
