import type { Editor, TLShape } from 'tldraw';
import { COLLEGE_COLORS, type College } from '../../shared/roles.js';
import { TRAME_META_KEY } from '../../shared/boardLayout.js';

/**
 * Every note a person creates carries their id and collège (stored with the
 * shape, for the report and the vote breakdown) and, when the session says
 * so, takes the collège's colour.
 */
export function tagNotesWithCollege(
  editor: Editor,
  author: { participantId: string; college: College | null },
  colorByCollege: () => boolean,
): () => void {
  return editor.sideEffects.registerBeforeCreateHandler('shape', (shape: TLShape, source) => {
    if (source !== 'user' || shape.type !== 'note') return shape;
    // Merged: other handlers (private writing) tag notes too, in no set order.
    const trame = { ...(shape.meta[TRAME_META_KEY] as object | undefined), authorId: author.participantId, college: author.college };
    const tagged = { ...shape, meta: { ...shape.meta, [TRAME_META_KEY]: trame } } as TLShape;
    if (!author.college || !colorByCollege()) return tagged;
    return { ...tagged, props: { ...tagged.props, color: COLLEGE_COLORS[author.college] } } as TLShape;
  });
}
