/**
 * The board's Y.Doc over `/yjs/<boardId>` with the stock y-websocket provider,
 * without tldraw: the canvas binds a tldraw store to it (useYjsStore), the
 * phone's list view reads and writes it directly (useBoardDoc).
 */
import * as decoding from 'lib0/decoding';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { REFUSAL_MESSAGE_TYPE, isBoardRefusal, type BoardRefusal } from '../../shared/boardRefusals.js';
import { YJS_PATH } from '../../shared/paths.js';
import { sendOwnAwarenessOnly } from './sendOwnAwarenessOnly.js';

export interface BoardDocHandlers {
  /** The server wrote a change of ours back (the doc already holds the server's state again); this says why. */
  onRefusal: (code: BoardRefusal) => void;
  /** The server refused or ended the connection for good (44xx). */
  onFatalClose: (code: number) => void;
}

export interface BoardDoc {
  doc: Y.Doc;
  provider: WebsocketProvider;
  destroy: () => void;
}

function yjsServerUrl(): string {
  const protocol = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${protocol}//${window.location.host}${YJS_PATH}`;
}

export function connectBoardDoc(boardId: string, params: Record<string, string>, handlers: BoardDocHandlers): BoardDoc {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(yjsServerUrl(), boardId, doc, { params, disableBc: true });
  const stopOwnAwareness = sendOwnAwarenessOnly(provider);
  provider.messageHandlers[REFUSAL_MESSAGE_TYPE] = (_encoder, decoder: decoding.Decoder) => {
    const code = decoding.readVarString(decoder);
    if (isBoardRefusal(code)) handlers.onRefusal(code);
  };
  const onClose = (event: CloseEvent | null) => {
    if (event && event.code >= 4400 && event.code < 4500) handlers.onFatalClose(event.code);
  };
  provider.on('connection-close', onClose);
  return {
    doc,
    provider,
    destroy: () => {
      provider.off('connection-close', onClose);
      stopOwnAwareness();
      provider.destroy();
      doc.destroy();
    },
  };
}
