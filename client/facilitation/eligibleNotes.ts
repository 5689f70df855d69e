import type { Editor, TLShape } from 'tldraw';
import type { BoardRecord } from '../../shared/boardLayout.js';
import { noteIsOnCanvas, noteText } from '../../shared/noteGeometry.js';

export interface NoteOnScreen {
  id: string;
  text: string;
  /** Screen position of the note's top-right corner. */
  x: number;
  y: number;
}

/** Notes on the current page that the vote covers, where they are on screen; the server checks again. */
export function eligibleNotes(editor: Editor, canvasId: string | null): NoteOnScreen[] {
  const records = editor.store.allRecords() as unknown as BoardRecord[];
  const notes: NoteOnScreen[] = [];
  for (const shape of editor.getCurrentPageShapes()) {
    if (shape.type !== 'note') continue;
    const record = shape as unknown as BoardRecord;
    if (canvasId && !noteIsOnCanvas(records, record, canvasId)) continue;
    const bounds = editor.getShapePageBounds(shape as TLShape);
    if (!bounds) continue;
    const corner = editor.pageToScreen({ x: bounds.maxX, y: bounds.minY });
    notes.push({ id: shape.id, text: noteText(record), x: corner.x, y: corner.y });
  }
  return notes;
}
