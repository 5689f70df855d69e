import type { Editor } from 'tldraw';
import { isScaffolding } from '../../shared/boardLayout.js';

/**
 * Participants write on canvases; they do not rearrange them. tldraw's lock
 * can be lifted from its own menu, so a participant's changes to scaffolding
 * (move, unlock, restyle, delete) are refused here; facilitators keep them.
 * The server undoes any that a modified client still sends (BoardRoom).
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
