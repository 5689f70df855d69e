/**
 * How canvases sit on a board, in page pixels. Scaffolding is drawn at
 * SCAFFOLD_SCALE so that labels stay readable when a whole canvas (6,000 px
 * wide or more) is zoomed to fit a screen.
 */
import { TEMPLATE_GRID_PX } from '../../shared/templateSchema.js';
import { isShapeRecord, trameMeta, type BoardRecord } from '../../shared/boardLayout.js';

export const SCAFFOLD_SCALE = 4;
/** Free text (axis names, legends) is drawn a little smaller than zone labels, which must win the eye. */
export const LABEL_SCALE = 3;
export const TITLE_SCALE = 6;
/** Room above the canvas for its title. */
export const TITLE_BAND_PX = 5 * TEMPLATE_GRID_PX;
export const INSTRUCTIONS_GAP_PX = 3 * TEMPLATE_GRID_PX;
export const INSTRUCTIONS_WIDTH_PX = 18 * TEMPLATE_GRID_PX;
export const FRAME_PADDING_PX = 2 * TEMPLATE_GRID_PX;
export const CANVAS_GAP_PX = 10 * TEMPLATE_GRID_PX;

/** Where the next canvas goes: to the right of every canvas already on the board, tops aligned. */
export function nextCanvasOrigin(records: Iterable<BoardRecord>): { x: number; y: number } {
  let right: number | undefined;
  for (const record of records) {
    if (!isShapeRecord(record) || trameMeta(record)?.role !== 'frame') continue;
    const props = record.props as { w: number };
    const end = (record.x as number) + props.w;
    right = right === undefined ? end : Math.max(right, end);
  }
  return right === undefined ? { x: 0, y: 0 } : { x: right + CANVAS_GAP_PX + FRAME_PADDING_PX, y: 0 };
}
