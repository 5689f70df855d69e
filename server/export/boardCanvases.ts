import type { BoardRecord } from '../../shared/boardLayout.js';
import { readBoardGeometry, unionBox, type Box } from '../../shared/boardGeometry.js';

export interface CanvasExtent {
  canvasId: string;
  title: string;
  bounds: Box;
  shapeIds: string[];
}

/**
 * The canvases on a board in board order, each with its bounds and the
 * shapes that belong to it (notes included) by the board's one geometry. A
 * board without templates is one canvas covering every shape.
 */
export function boardCanvases(records: BoardRecord[], fallbackTitle: string): CanvasExtent[] {
  const geometry = readBoardGeometry(records);
  const shapes = [...geometry.byId.values()].filter((r) => String(r.parentId ?? '').startsWith('page:'));
  if (geometry.canvases.length === 0) {
    const bounds = unionBox(shapes.map(geometry.boxOf));
    return bounds ? [{ canvasId: 'board', title: fallbackTitle, bounds, shapeIds: shapes.map((s) => s.id) }] : [];
  }
  return geometry.canvases.map((canvas) => ({
    canvasId: canvas.canvasId,
    title: canvas.title || fallbackTitle,
    bounds: canvas.box,
    shapeIds: shapes.filter((s) => geometry.canvasOf(s) === canvas.canvasId).map((s) => s.id),
  }));
}
