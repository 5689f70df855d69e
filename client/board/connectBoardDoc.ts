/**
 * The board's Y.Doc over `/yjs/<boardId>` with the stock y-websocket provider,
 * without tldraw: the canvas binds a tldraw store to it (useYjsStore), the
 * phone's list view reads and writes it directly (useBoardDoc). A page can
 * open it before the view that uses it has loaded (`openBoardDocEarly`).
 */
import * as decoding from 'lib0/decoding';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { REFUSAL_MESSAGE_TYPE, isBoardRefusal, type BoardRefusal } from '../../shared/boardRefusals.js';
import { YJS_PATH } from '../../shared/paths.js';
import { encodeOwnUpdatesOnly } from './encodeOwnUpdatesOnly.js';
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

/** Connections opened before their view, by board and parameters, until the view takes them. */
const early = new Map<string, { board: BoardDoc; take: (handlers: BoardDocHandlers) => void }>();
const earlyKey = (boardId: string, params: Record<string, string>) => `${boardId}?${JSON.stringify(params)}`;
/** Connections a view holds: one opened early after its view has connected would never be taken. */
const viewed = new Set<string>();

/**
 * Opens the board's connection now, for the view that `connectBoardDoc` will ask for it: the canvas's code (tldraw)
 * takes a second or more to arrive and compile, and the board comes and is read meanwhile. What the server says
 * before the view is there (a refusal, a final close) is told to it when it takes the connection. Returns what
 * closes the connection if no view has taken it.
 */
export function openBoardDocEarly(boardId: string, params: Record<string, string>): () => void {
  const key = earlyKey(boardId, params);
  if (early.has(key) || viewed.has(key)) return () => {};
  const told: ((handlers: BoardDocHandlers) => void)[] = [];
  let target: BoardDocHandlers | null = null;
  const board = open(boardId, params, {
    onRefusal: (code) => (target ? target.onRefusal(code) : told.push((h) => h.onRefusal(code))),
    onFatalClose: (code) => (target ? target.onFatalClose(code) : told.push((h) => h.onFatalClose(code))),
  });
  const take = (handlers: BoardDocHandlers) => {
    target = handlers;
    for (const tell of told.splice(0)) tell(handlers);
  };
  early.set(key, { board, take });
  return () => {
    if (early.get(key)?.board !== board) return;
    early.delete(key);
    board.destroy();
  };
}

/** The board's connection: the one opened early for these parameters if there is one, else a new one. */
export function connectBoardDoc(boardId: string, params: Record<string, string>, handlers: BoardDocHandlers): BoardDoc {
  const key = earlyKey(boardId, params);
  const opened = early.get(key);
  early.delete(key);
  opened?.take(handlers);
  const board = opened?.board ?? open(boardId, params, handlers);
  viewed.add(key);
  return {
    ...board,
    destroy: () => {
      viewed.delete(key);
      board.destroy();
    },
  };
}

function open(boardId: string, params: Record<string, string>, handlers: BoardDocHandlers): BoardDoc {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(yjsServerUrl(), boardId, doc, { params, disableBc: true });
  const stopOwnAwareness = sendOwnAwarenessOnly(provider);
  const stopOwnUpdates = encodeOwnUpdatesOnly(provider);
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
      stopOwnUpdates();
      provider.destroy();
      doc.destroy();
    },
  };
}
