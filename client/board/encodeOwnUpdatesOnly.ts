/**
 * Yjs encodes each transaction once more as an update whenever the document
 * has an `update` listener. y-websocket's provider listens in order to send
 * what this client writes, and drops what the server sent: the board's own
 * messages — the whole board at joining (0.14 s for four canvases and 200
 * notes in desktop Chromium), then every batch of the room's edits — were
 * encoded again for nothing, on every phone. The provider's listener is
 * detached for the transactions it applies (from the server) and attached
 * for the others, just before Yjs decides whether to encode.
 */
import type { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';

export function encodeOwnUpdatesOnly(provider: WebsocketProvider): () => void {
  const { doc } = provider;
  const send = provider._updateHandler;
  let attached = true;
  const beforeEncoding = (transaction: Y.Transaction) => {
    const fromServer = transaction.origin === provider;
    if (fromServer !== attached) return;
    if (fromServer) doc.off('update', send);
    else doc.on('update', send);
    attached = !fromServer;
  };
  doc.on('afterTransactionCleanup', beforeEncoding);
  return () => {
    doc.off('afterTransactionCleanup', beforeEncoding);
    if (!attached) doc.on('update', send);
  };
}
