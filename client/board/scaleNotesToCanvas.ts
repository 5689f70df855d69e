import type { Editor, TLShape } from 'tldraw';
import { NOTE_SIDE_PX, boxContains } from '../../shared/boardGeometry.js';
import { boardGeometryOf } from './boardGeometryOf.js';

/**
 * A note drawn on a canvas takes the size of that canvas's notes (its
 * example note's), as notes added from the list view do, keeping the centre
 * where it was put: a canvas drawn for larger notes (the AFOM) stays
 * readable when framed, and its notes stay alike. Notes pasted or duplicated
 * keep their own size.
 */
export function scaleNotesToCanvas(editor: Editor): () => void {
  return editor.sideEffects.registerBeforeCreateHandler('shape', (shape: TLShape, source) => {
    if (source !== 'user' || shape.type !== 'note') return shape;
    const props = shape.props as { scale: number };
    if (props.scale !== 1) return shape;
    const half = NOTE_SIDE_PX / 2;
    const centre = { x: shape.x + half, y: shape.y + half };
    const canvas = boardGeometryOf(editor).canvases.find((c) => boxContains(c.box, centre) || boxContains(c.overflow, centre));
    if (!canvas || canvas.noteScale === 1) return shape;
    const grow = half * (canvas.noteScale - 1);
    return { ...shape, x: shape.x - grow, y: shape.y - grow, props: { ...shape.props, scale: canvas.noteScale } } as TLShape;
  });
}
