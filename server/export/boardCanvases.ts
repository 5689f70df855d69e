import { isShapeRecord, trameMeta, type BoardRecord } from '../../shared/boardLayout.js';
import { shapeText } from '../../shared/boardContent.js';

export interface CanvasExtent {
  canvasId: string;
  title: string;
  bounds: { x: number; y: number; w: number; h: number };
  shapeIds: string[];
}

function extent(record: BoardRecord) {
  const props = record.props as { w?: number; h?: number; growY?: number; scale?: number } | undefined;
  const scale = props?.scale ?? 1;
  // tldraw sizes notes by their scale; geo shapes and frames store their drawn size already.
  const w = record.type === 'note' ? 200 * scale : (props?.w ?? 0);
  const h = record.type === 'note' ? 200 * scale + (props?.growY ?? 0) : (props?.h ?? 0) + (props?.growY ?? 0);
  return { x: Number(record.x ?? 0), y: Number(record.y ?? 0), w, h };
}

/**
 * The canvases on a board: scaffolding shapes grouped by `meta.trame.canvasId`,
 * each with its bounds and the shapes drawn within them (notes included), in
 * the order they stand on the board, left to right. A board without templates
 * is one canvas covering every shape.
 */
export function boardCanvases(records: BoardRecord[], fallbackTitle: string): CanvasExtent[] {
  const shapes = records.filter((r) => isShapeRecord(r) && String(r.parentId ?? '').startsWith('page:'));
  const groups = new Map<string, BoardRecord[]>();
  for (const shape of shapes) {
    const canvasId = trameMeta(shape)?.canvasId;
    if (!canvasId) continue;
    groups.set(canvasId, [...(groups.get(canvasId) ?? []), shape]);
  }
  const union = (list: BoardRecord[]) => {
    const boxes = list.map(extent);
    const x = Math.min(...boxes.map((b) => b.x));
    const y = Math.min(...boxes.map((b) => b.y));
    return {
      x,
      y,
      w: Math.max(...boxes.map((b) => b.x + b.w)) - x,
      h: Math.max(...boxes.map((b) => b.y + b.h)) - y,
    };
  };
  if (groups.size === 0) {
    return shapes.length === 0
      ? []
      : [{ canvasId: 'board', title: fallbackTitle, bounds: union(shapes), shapeIds: shapes.map((s) => s.id) }];
  }
  const canvases = [...groups.entries()].map(([canvasId, scaffold]) => {
    const bounds = union(scaffold);
    const inside = shapes.filter((s) => {
      if (trameMeta(s)?.canvasId) return trameMeta(s)?.canvasId === canvasId;
      const b = extent(s);
      const cx = b.x + b.w / 2;
      const cy = b.y + b.h / 2;
      return cx >= bounds.x && cx <= bounds.x + bounds.w && cy >= bounds.y && cy <= bounds.y + bounds.h;
    });
    const titleShape = scaffold.find((s) => trameMeta(s)?.role === 'title');
    const title = titleShape ? (trameMeta(titleShape)?.label ?? shapeText(titleShape)) : '';
    return { canvasId, title: title || fallbackTitle, bounds, shapeIds: inside.map((s) => s.id) };
  });
  return canvases.sort((a, b) => a.bounds.x - b.bounds.x || a.bounds.y - b.bounds.y);
}
