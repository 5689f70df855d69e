/**
 * The client's one adapter from tldraw's store to Trame's view of a board:
 * tldraw shapes are the stored JSON records, read as `BoardRecord`s by the
 * shared geometry (shared/boardGeometry.ts) like the server reads its Y.Doc.
 */
import { useMemo } from 'react';
import type { Editor } from 'tldraw';
import { readBoardGeometry, type BoardGeometry } from '../../shared/boardGeometry.js';
import type { BoardRecord } from '../../shared/boardLayout.js';

export function editorBoardRecords(editor: Editor): BoardRecord[] {
  return editor.store.allRecords().filter((r) => r.typeName === 'shape') as unknown as BoardRecord[];
}

export function boardGeometryOf(editor: Editor): BoardGeometry {
  return readBoardGeometry(editorBoardRecords(editor));
}

/** The geometry of `records` (from useBoardRecords), recomputed when they change. */
export function useBoardGeometry(records: BoardRecord[]): BoardGeometry {
  return useMemo(() => readBoardGeometry(records), [records]);
}
