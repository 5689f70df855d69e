/**
 * How canvases sit on a board, in page pixels. Everything is drawn at the
 * size of a note (200 px, tldraw's default): a zone's label is written as
 * large as a note's text, so a canvas framed on a 1440 × 900 screen (at most
 * 14 × 9 notes) shows notes about 100 px wide and readable. Canvases sit in a
 * grid of equal cells, in journey order, with gutters wide enough for each
 * canvas's débordement band.
 */
import { NOTE_SIDE_PX, boxesOverlap, readBoardGeometry, type Box } from '../../shared/boardGeometry.js';
import type { BoardRecord } from '../../shared/boardLayout.js';
import { TEMPLATE_GRID_PX } from '../../shared/templateSchema.js';

/** Zone labels, arrows and frames are drawn at tldraw's scale 1, the scale of notes. */
export const SCAFFOLD_SCALE = 1;
export const LABEL_SCALE = 1;
/** Titles stay legible with the whole board on screen (about 15 px at zoom 0.12). */
export const TITLE_SCALE = 2.5;
/** Room above the canvas for its title and one line saying what it is for. */
export const TITLE_BAND_PX = 2 * TEMPLATE_GRID_PX;
export const FRAME_PADDING_PX = 0.4 * TEMPLATE_GRID_PX;

/** The largest canvas a cell holds, in notes, as the readability rule has it: 14 × 9. */
export const CELL_NOTES = { w: 14, h: 9 } as const;
/** Between cells: three notes, enough for the two rows of a canvas's débordement band. */
export const GUTTER_PX = 3 * NOTE_SIDE_PX;
export const CELL_PX = { w: CELL_NOTES.w * NOTE_SIDE_PX + GUTTER_PX, h: CELL_NOTES.h * NOTE_SIDE_PX + GUTTER_PX } as const;

/** Columns of the grid: two for up to four canvases (they fit a screen at zoom 0.2), up to four for a long journey. */
export function gridColumns(canvasCount: number): number {
  return canvasCount <= 4 ? 2 : canvasCount <= 9 ? 3 : 4;
}

/** The frames already on a board. */
function frames(records: Iterable<BoardRecord>): Box[] {
  return readBoardGeometry(records).canvases.map((c) => c.box);
}

/** Columns of a board already holding canvases: as many as its widest row, so a canvas added live keeps to the grid. */
export function boardColumns(records: Iterable<BoardRecord>, adding: number): number {
  const boxes = frames(records);
  const rows = new Map<number, number>();
  for (const box of boxes) {
    const row = Math.round(box.y / CELL_PX.h);
    rows.set(row, (rows.get(row) ?? 0) + 1);
  }
  const widest = Math.max(0, ...rows.values());
  return Math.min(4, Math.max(widest, gridColumns(boxes.length + adding)));
}

/**
 * Top-left corner of the first free cell (row by row) where a frame of
 * `size` covers no canvas already there. Old boards, laid in one row, keep
 * their canvases: new ones go to the first cell clear of them.
 */
export function nextCellOrigin(placed: Box[], size: { w: number; h: number }, columns: number): { x: number; y: number } {
  const span = Math.max(1, Math.ceil(size.w / CELL_PX.w));
  for (let cell = 0; ; cell++) {
    const col = cell % columns;
    if (col > 0 && col + span > columns) continue;
    const spot = { x: col * CELL_PX.w, y: Math.floor(cell / columns) * CELL_PX.h, ...size };
    if (!placed.some((box) => boxesOverlap(box, spot, GUTTER_PX / 2))) return { x: spot.x, y: spot.y };
  }
}

export { frames as canvasFrames };
