/**
 * Notes as the vote sees them: their text and whether they sit on a canvas,
 * by the board's one geometry (shared/boardGeometry.ts).
 */
import { shapeText } from './boardContent.js';
import { readBoardGeometry } from './boardGeometry.js';
import type { BoardRecord } from './boardLayout.js';

export { isContributionNote, isExampleNote, isNoteRecord } from './boardGeometry.js';

/** The plain text of a note (tldraw 5 rich text, or an older plain string). */
export function noteText(record: BoardRecord | undefined): string {
  return record ? shapeText(record) : '';
}

/** Whether a note belongs to a canvas, as the report counts it too. */
export function noteIsOnCanvas(records: Iterable<BoardRecord>, note: BoardRecord, canvasId: string): boolean {
  return canvasOfNote(records, note) === canvasId;
}

/** The canvas a note belongs to, as the report counts it; null off every canvas. */
export function canvasOfNote(records: Iterable<BoardRecord>, note: BoardRecord): string | null {
  return readBoardGeometry(records).canvasOf(note);
}
