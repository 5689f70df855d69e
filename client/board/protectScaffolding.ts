import type { Editor, TLShape } from 'tldraw';
import { TRAME_META_KEY } from '../../shared/boardLayout.js';

const isScaffolding = (shape: TLShape) =>
  Boolean((shape.meta as Record<string, { role?: string } | undefined>)[TRAME_META_KEY]?.role);

/**
 * Participants write on canvases; they do not rearrange them. tldraw's lock
 * can be lifted from its own menu, so a participant's changes to scaffolding
 * (move, unlock, restyle, delete) are refused here; facilitators keep them.
 */
export function protectScaffolding(editor: Editor): () => void {
  const stopChange = editor.sideEffects.registerBeforeChangeHandler('shape', (prev, next, source) =>
    source === 'user' && isScaffolding(prev) ? prev : next,
  );
  const stopDelete = editor.sideEffects.registerBeforeDeleteHandler('shape', (shape, source) =>
    source === 'user' && isScaffolding(shape) ? false : undefined,
  );
  return () => {
    stopChange();
    stopDelete();
  };
}
