import type { Editor, TLAsset, TLShape } from 'tldraw';
import { COLLEGE_COLORS, type College } from '../../shared/roles.js';
import { TRAME_META_KEY } from '../../shared/boardLayout.js';

/**
 * Every note a person creates carries their id and collège (stored with the shape, for the report and the
 * vote breakdown) and, when the session says so, takes the collège's colour. A participant's other shapes and
 * images are signed too: the server would sign them otherwise, and a record the server signs is the server's
 * write, which after a crash only a facilitator's client can send back, where what participants write
 * themselves comes back with their own client.
 */
export function tagNotesWithCollege(
  editor: Editor,
  author: { participantId: string; college: College | null; role: string },
  colorByCollege: () => boolean,
): () => void {
  const signsAll = author.role !== 'facilitator';
  const sign = <T extends TLShape | TLAsset>(record: T): T => {
    // Merged: other handlers (private writing) tag notes too, in no set order.
    const trame = { ...(record.meta[TRAME_META_KEY] as object | undefined), authorId: author.participantId, college: author.college };
    return { ...record, meta: { ...record.meta, [TRAME_META_KEY]: trame } };
  };
  const stopShapes = editor.sideEffects.registerBeforeCreateHandler('shape', (shape: TLShape, source) => {
    if (source !== 'user' || (shape.type !== 'note' && !signsAll)) return shape;
    const tagged = sign(shape);
    if (shape.type !== 'note' || !author.college || !colorByCollege()) return tagged;
    return { ...tagged, props: { ...tagged.props, color: COLLEGE_COLORS[author.college] } } as TLShape;
  });
  const stopAssets = editor.sideEffects.registerBeforeCreateHandler('asset', (asset: TLAsset, source) =>
    source === 'user' && signsAll ? sign(asset) : asset,
  );
  return () => {
    stopShapes();
    stopAssets();
  };
}
