import { useMemo } from 'react';
import { toRichText, type Editor, type TLShapeId } from 'tldraw';
import { TRAME_META_KEY } from '../../shared/boardLayout.js';
import type { Principal } from '../../shared/roles.js';
import type { FacilitationSocket } from '../facilitation/useFacilitation.js';
import type { ListBoard } from './AddIdeaForm.js';
import { boardGeometryOf } from './boardGeometryOf.js';
import { BoardListView } from './BoardListView.js';
import { useBoardRecords } from './useBoardRecords.js';

/**
 * The list view over the canvas's editor: an idea is created through tldraw
 * like a drawn note, so it gets its author, collège colour and privacy from
 * the same handlers.
 */
export function EditorListView(props: { editor: Editor; socket: FacilitationSocket; principal: Principal; readOnly: boolean }) {
  const { editor, ...rest } = props;
  const records = useBoardRecords(editor);
  const board = useMemo<ListBoard>(
    () => ({
      now: () => boardGeometryOf(editor),
      addNote: (spot, text) => {
        const id = `shape:${crypto.randomUUID()}` as TLShapeId;
        const meta = spot.canvasId ? { [TRAME_META_KEY]: { canvasId: spot.canvasId } } : {};
        editor.createShape({ id, type: 'note', x: spot.x, y: spot.y, props: { richText: toRichText(text), scale: spot.scale }, meta });
        return Promise.resolve(null);
      },
    }),
    [editor],
  );
  return <BoardListView records={records} board={board} {...rest} />;
}
