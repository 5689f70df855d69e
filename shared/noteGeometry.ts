/**
 * Reading notes out of a board's records without tldraw: their text, and
 * whether they sit on a given canvas. Used by the server to check votes and
 * present results.
 */
import { shapeText } from './boardContent.js';
import { isShapeRecord, trameMeta, type BoardRecord } from './boardLayout.js';

export function isNoteRecord(record: BoardRecord | undefined): record is BoardRecord {
  return Boolean(record && isShapeRecord(record) && record.type === 'note');
}

/** The plain text of a note (tldraw 5 rich text, or an older plain string). */
export function noteText(record: BoardRecord | undefined): string {
  return record ? shapeText(record) : '';
}

const NOTE_SIZE = 200;

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

function boxOf(record: BoardRecord): Box {
  const props = (record.props ?? {}) as { w?: unknown; h?: unknown; scale?: unknown };
  const scale = typeof props.scale === 'number' ? props.scale : 1;
  const w = typeof props.w === 'number' ? props.w : NOTE_SIZE * scale;
  const h = typeof props.h === 'number' ? props.h : NOTE_SIZE * scale;
  return { x: Number(record.x ?? 0), y: Number(record.y ?? 0), w, h };
}

/**
 * Whether a note belongs to a canvas: it is a child of one of the canvas's
 * shapes, carries the canvas id itself, or its centre lies inside the
 * canvas's frame (notes are usually dropped on the page above the frame).
 */
export function noteIsOnCanvas(records: Iterable<BoardRecord>, note: BoardRecord, canvasId: string): boolean {
  if (trameMeta(note)?.canvasId === canvasId) return true;
  const box = boxOf(note);
  const centre = { x: box.x + box.w / 2, y: box.y + box.h / 2 };
  for (const record of records) {
    const meta = trameMeta(record);
    if (meta?.canvasId !== canvasId) continue;
    if (note.parentId === record.id) return true;
    if (meta.role !== 'frame' || note.parentId !== record.parentId) continue;
    const frame = boxOf(record);
    if (centre.x >= frame.x && centre.x <= frame.x + frame.w && centre.y >= frame.y && centre.y <= frame.y + frame.h) {
      return true;
    }
  }
  return false;
}
