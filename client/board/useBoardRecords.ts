import { useEffect, useState } from 'react';
import type { Editor } from 'tldraw';
import type { BoardRecord } from '../../shared/boardLayout.js';
import { editorBoardRecords } from './boardGeometryOf.js';

const REFRESH_MS = 150;

/** The board's document records, refreshed as they change (at most every 150 ms: a busy board changes a lot). */
export function useBoardRecords(editor: Editor): BoardRecord[] {
  const read = () => editorBoardRecords(editor);
  const [records, setRecords] = useState(read);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stop = editor.store.listen(
      () => {
        timer ??= setTimeout(() => {
          timer = undefined;
          setRecords(read());
        }, REFRESH_MS);
      },
      { scope: 'document' },
    );
    setRecords(read());
    return () => {
      stop();
      clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [editor]);
  return records;
}
