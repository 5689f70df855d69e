import { useEffect, useState } from 'react';
import type { Editor } from 'tldraw';
import type { BoardRecord } from '../../shared/boardLayout.js';
import { editorBoardRecords } from './boardGeometryOf.js';

const REFRESH_MS = 150;

/** The board's document records, refreshed as they change (at most every 150 ms: a busy board changes a lot). */
export function useBoardRecords(editor: Editor): BoardRecord[] {
  const [records, setRecords] = useState(() => editorBoardRecords(editor));
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stop = editor.store.listen(
      () => {
        timer ??= setTimeout(() => {
          timer = undefined;
          setRecords(editorBoardRecords(editor));
        }, REFRESH_MS);
      },
      { scope: 'document' },
    );
    setRecords(editorBoardRecords(editor));
    return () => {
      stop();
      clearTimeout(timer);
    };
  }, [editor]);
  return records;
}
