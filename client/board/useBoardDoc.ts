/**
 * The board as its Y.Doc alone, for the phone's list view: no tldraw store,
 * so the phone downloads neither the canvas nor its fonts before the person
 * can write. Shapes are read as they change (at most every 150 ms, as the
 * canvas's list view does). The document is handed out at once, before the
 * server's state arrives (`synced`), so that the person can start writing
 * while the board loads.
 */
import { useEffect, useState } from 'react';
import type { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import { boardRecords, isShapeRecord, type BoardRecord } from '../../shared/boardLayout.js';
import type { BoardRefusal } from '../../shared/boardRefusals.js';
import { BOARD_VIEW_PARAM, LIST_VIEW } from '../../shared/paths.js';
import { connectBoardDoc } from './connectBoardDoc.js';

const REFRESH_MS = 150;

export interface BoardDocState {
  /** Set as the connection opens; empty until `synced`. */
  doc: Y.Doc | null;
  provider: WebsocketProvider | null;
  /** The server's state has arrived: the document is the board. */
  synced: boolean;
  shapes: BoardRecord[];
  fatalCloseCode: number | null;
  refusal: { code: BoardRefusal; at: number } | null;
}

const shapesOf = (doc: Y.Doc) => [...boardRecords(doc).values()].filter(isShapeRecord);

export function useBoardDoc(boardId: string, token: string): BoardDocState {
  const [state, setState] = useState<BoardDocState>({ doc: null, provider: null, synced: false, shapes: [], fatalCloseCode: null, refusal: null });

  useEffect(() => {
    const board = connectBoardDoc(
      boardId,
      // A list draws no cursor: the server sends it none.
      { token, [BOARD_VIEW_PARAM]: LIST_VIEW },
      {
        onRefusal: (code) => setState((s) => ({ ...s, refusal: { code, at: Date.now() } })),
        onFatalClose: (code) => setState((s) => ({ ...s, fatalCloseCode: code })),
      },
    );
    const { doc, provider } = board;
    // No canvas, no cursor to show the others.
    provider.awareness.setLocalState(null);
    setState((s) => ({ ...s, doc, provider, synced: false, shapes: [] }));
    let timer: ReturnType<typeof setTimeout> | undefined;
    const refresh = () => {
      timer ??= setTimeout(() => {
        timer = undefined;
        setState((s) => ({ ...s, shapes: shapesOf(doc) }));
      }, REFRESH_MS);
    };
    const onSync = (synced: boolean) => {
      if (synced) setState((s) => (s.synced ? s : { ...s, synced: true, shapes: shapesOf(doc) }));
    };
    const records = boardRecords(doc);
    records.observe(refresh);
    provider.on('sync', onSync);
    return () => {
      clearTimeout(timer);
      records.unobserve(refresh);
      provider.off('sync', onSync);
      board.destroy();
    };
  }, [boardId, token]);

  return state;
}
