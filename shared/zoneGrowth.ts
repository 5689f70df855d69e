/**
 * A zone that is full grows by one row of its canvas's notes rather than
 * sending the next idea to the débordement band. Growing pushes down what
 * lies below the zone in its canvas's column of the board (the zones under
 * it, its débordement band, the canvases below), and the zones beside it in
 * the same row and the canvas's frame grow with it, so the canvas keeps its
 * grid. Pure: the server applies the records it returns in one update.
 */
import { NOTE_GAP_PX, NOTE_SIDE_PX, readBoardGeometry, type BoardGeometry, type Box, type ZoneGeometry } from './boardGeometry.js';
import { isShapeRecord, trameMeta, type BoardRecord } from './boardLayout.js';
import { placeNote } from './notePlacement.js';

/** A canvas stops growing at twice the readable extent (9 notes high): beyond, notes go to its débordement band. */
export const MAX_CANVAS_HEIGHT_NOTES = 18;

export type ZoneGrowth =
  | { ok: true; records: BoardRecord[]; rowPx: number }
  | { ok: false; reason: 'not-full' | 'too-tall' | 'no-room' };

const EDGE_PX = 0.5;
const overlapsColumn = (box: Box, column: Box) => box.x < column.x + column.w && box.x + box.w > column.x;

export function growZone(geometry: BoardGeometry, zone: ZoneGeometry): ZoneGrowth {
  if (!placeNote(geometry, zone).overflow) return { ok: false, reason: 'not-full' };
  const canvas = geometry.canvases.find((c) => c.canvasId === zone.canvasId);
  if (!canvas) return { ok: false, reason: 'not-full' };
  const rowPx = (NOTE_SIDE_PX + NOTE_GAP_PX) * canvas.noteScale;
  if (canvas.box.h + rowPx > MAX_CANVAS_HEIGHT_NOTES * NOTE_SIDE_PX * canvas.noteScale) return { ok: false, reason: 'too-tall' };
  const line = zone.box.y + zone.box.h;
  const frames = new Map(geometry.canvases.map((c) => [c.canvasId, c.box]));
  // Another canvas moves whole when it starts below the line in this canvas's column.
  const movesWhole = (canvasId: string) => {
    const box = frames.get(canvasId);
    return Boolean(box && canvasId !== canvas.canvasId && box.y >= line - EDGE_PX && overlapsColumn(box, canvas.box));
  };

  const records: BoardRecord[] = [];
  for (const record of geometry.byId.values()) {
    // Children of frames and groups move with their parent.
    if (!isShapeRecord(record) || !String(record.parentId ?? '').startsWith('page:')) continue;
    const box = geometry.boxOf(record);
    const owner = geometry.canvasOf(record);
    const role = trameMeta(record)?.role;
    let move: boolean;
    if (owner && owner !== canvas.canvasId) move = movesWhole(owner);
    else move = box.y >= line - EDGE_PX && overlapsColumn(box, canvas.box);
    if (move) {
      records.push({ ...record, y: Number(record.y) + rowPx });
      continue;
    }
    const stretches = owner === canvas.canvasId && (role === 'zone' || role === 'frame') && box.y < line - EDGE_PX && box.y + box.h >= line - EDGE_PX;
    if (stretches) {
      const props = record.props as { h: number };
      records.push({ ...record, props: { ...props, h: props.h + rowPx } });
    }
  }
  // A zone too narrow or too round for a note (an actors map's centre) would grow for nothing.
  const changed = new Map(records.map((r) => [r.id, r]));
  const grown = readBoardGeometry([...geometry.byId.values()].map((r) => changed.get(r.id) ?? r));
  const same = grown.zones.find((z) => z.shapeId === zone.shapeId);
  if (!same || placeNote(grown, same).overflow) return { ok: false, reason: 'no-room' };
  return { ok: true, records, rowPx };
}
