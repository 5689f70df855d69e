import type { Editor, TLShape } from 'tldraw';
import type { BoardRecord } from '../../shared/boardLayout.js';
import { isContributionNote, noteText } from '../../shared/noteGeometry.js';
import { boardGeometryOf } from '../board/boardGeometryOf.js';

export interface NoteOnScreen {
  id: string;
  text: string;
  /** Position of the note's top-right corner in the board's viewport (the editor's container). */
  x: number;
  y: number;
}

/** Notes on the current page that the vote covers, where they are on screen; the server checks again. */
export function eligibleNotes(editor: Editor, canvasId: string | null): NoteOnScreen[] {
  const geometry = boardGeometryOf(editor);
  const notes: NoteOnScreen[] = [];
  for (const shape of editor.getCurrentPageShapes()) {
    const record = shape as unknown as BoardRecord;
    if (!isContributionNote(record)) continue;
    if (canvasId && geometry.canvasOf(record) !== canvasId) continue;
    const bounds = editor.getShapePageBounds(shape as TLShape);
    if (!bounds) continue;
    const corner = editor.pageToViewport({ x: bounds.maxX, y: bounds.minY });
    notes.push({ id: shape.id, text: noteText(record), x: corner.x, y: corner.y });
  }
  return notes;
}
