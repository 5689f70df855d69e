/**
 * Connects a tldraw store to the board `/yjs/<boardId>` with the stock
 * y-websocket provider, and reports the status the UI shows.
 */
import { useEffect, useRef, useState } from 'react';
import {
  atom,
  createTLStore,
  defaultBindingUtils,
  defaultShapeUtils,
  type TLStoreWithStatus,
} from 'tldraw';
import type { WebsocketProvider } from 'y-websocket';
import { attributionUsers } from './attributionUsers.js';
import { boardAssetStore } from './boardAssetStore.js';
import type { BoardRefusal } from '../../shared/boardRefusals.js';
import { bindPresence, type PresenceUser } from './bindPresence.js';
import { bindStoreToDoc, loadDocIntoStore } from './bindStoreToDoc.js';
import { connectBoardDoc } from './connectBoardDoc.js';

export interface YjsStoreOptions {
  boardId: string;
  /** Query parameters of the connection (the access token). */
  params?: Record<string, string>;
  /** Whose cursor this connection shows to the others; none for the report renderer, which is no one. */
  user?: PresenceUser;
  /** Observers, and participants of a paused or finished session, cannot edit (the server drops their edits anyway). */
  readOnly: boolean;
  /** Told, in the reader's language, why an image could not be added. */
  onAssetError?: (message: string) => void;
}

export interface YjsStoreState {
  storeWithStatus: TLStoreWithStatus;
  /** The server's close code when it refused or ended the connection for good (44xx). */
  fatalCloseCode: number | null;
  /** Keys of board records tldraw refuses, left out (a facilitator can « Réparer le tableau »). */
  skippedRecords: string[];
  /** The last change the server wrote back, and when (the board already shows the server's state again). */
  refusal: { code: BoardRefusal; at: number } | null;
  /** The connection, for the heartbeat that notices a silent network loss sooner than y-websocket's 30 s. */
  provider: WebsocketProvider | null;
}

export function useYjsStore({ boardId, params, user, readOnly, onAssetError }: YjsStoreOptions): YjsStoreState {
  const assetError = useRef(onAssetError);
  assetError.current = onAssetError;
  const [$mode] = useState(() => atom<'readonly' | 'readwrite'>('collaboration mode', 'readwrite'));
  useEffect(() => {
    $mode.set(readOnly ? 'readonly' : 'readwrite');
  }, [$mode, readOnly]);

  const [state, setState] = useState<YjsStoreState>({
    storeWithStatus: { status: 'loading' },
    fatalCloseCode: null,
    refusal: null,
    skippedRecords: [],
    provider: null,
  });
  const paramsKey = JSON.stringify(params ?? {});

  useEffect(() => {
    const $status = atom<'online' | 'offline'>('connection status', 'offline');
    const credentials = JSON.parse(paramsKey) as Record<string, string>;
    const store = createTLStore({
      assets: boardAssetStore(boardId, credentials, (message) => assetError.current?.(message)),
      shapeUtils: defaultShapeUtils,
      bindingUtils: defaultBindingUtils,
      collaboration: { status: $status, mode: $mode },
      users: attributionUsers(user),
    });
    const board = connectBoardDoc(boardId, credentials, {
      onRefusal: (code) => setState((s) => ({ ...s, refusal: { code, at: Date.now() } })),
      onFatalClose: (code) => setState((s) => ({ ...s, fatalCloseCode: code })),
    });
    const { doc, provider } = board;
    setState((s) => ({ ...s, provider }));
    // The provider announces an empty state of its own on connection; no user, no announcement.
    if (!user) provider.awareness.setLocalState(null);
    const cleanups: (() => void)[] = [];
    let loaded = false;

    const publish = () => {
      if (!loaded) return;
      setState((s) => ({
        ...s,
        storeWithStatus: { status: 'synced-remote', connectionStatus: $status.get(), store },
      }));
    };

    const onSync = (synced: boolean) => {
      if (!synced || loaded) return;
      const result = loadDocIntoStore(doc, store);
      if (!result.ok) {
        setState((s) => ({ ...s, storeWithStatus: { status: 'error', error: result.error } }));
        return;
      }
      loaded = true;
      const skip = (keys: string[], removed: string[] = []) =>
        setState((s) => {
          const skipped = new Set([...s.skippedRecords, ...keys]);
          for (const key of removed) skipped.delete(key);
          if (skipped.size === s.skippedRecords.length && keys.length === 0) return s;
          return { ...s, skippedRecords: [...skipped] };
        });
      if (result.skipped.length) skip(result.skipped);
      cleanups.push(bindStoreToDoc(doc, store, skip));
      if (user) cleanups.push(bindPresence(provider.awareness, store, user));
      publish();
    };
    const onStatus = ({ status }: { status: string }) => {
      $status.set(status === 'connected' ? 'online' : 'offline');
      // The state the provider re-sends on reconnection keeps the clock the server has already seen, so it
      // would be ignored and this participant would vanish from everyone's view until it next moved.
      const own = provider.awareness.getLocalState();
      if (status === 'connected' && own) provider.awareness.setLocalState(own);
      publish();
    };
    provider.on('sync', onSync);
    provider.on('status', onStatus);
    // A connection opened early (openBoardDocEarly) may have connected and synced already.
    if (provider.wsconnected) $status.set('online');
    if (provider.synced) onSync(true);

    return () => {
      for (const cleanup of cleanups) cleanup();
      provider.off('sync', onSync);
      provider.off('status', onStatus);
      board.destroy();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the user's name and colour are read once per connection
  }, [boardId, paramsKey, $mode]);

  return state;
}
