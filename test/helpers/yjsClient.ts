/** Stock y-websocket clients over real sockets, as a browser would connect. */
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { boardRecords, type BoardRecord } from '../../shared/boardLayout.js';
import { noteRecord, richText } from './records.js';

export interface YjsClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  records: Y.Map<BoardRecord>;
  destroy(): void;
}

export function connectYjsClient(
  wsUrl: string,
  boardId: string,
  params: Record<string, string> = {},
  doc: Y.Doc = new Y.Doc(),
  socketClass: typeof WebSocket = WebSocket,
): YjsClient {
  const provider = new WebsocketProvider(wsUrl, boardId, doc, {
    WebSocketPolyfill: socketClass as never,
    params,
    disableBc: true,
  });
  return {
    doc,
    provider,
    records: boardRecords(doc),
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}

export function whenSynced(client: YjsClient, timeoutMs = 10_000): Promise<void> {
  if (client.provider.synced) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('sync timed out')), timeoutMs);
    client.provider.once('sync', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** Resolves with the close event the server sent (the provider stops retrying on 44xx). */
export function whenClosed(client: YjsClient, timeoutMs = 10_000): Promise<{ code: number; reason: string }> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no close within timeout')), timeoutMs);
    client.provider.on('connection-close', (event) => {
      if (!event) return;
      clearTimeout(timer);
      resolve({ code: event.code, reason: event.reason });
    });
  });
}

/** Polls until `check` passes or time runs out; the last failure is rethrown. */
export async function eventually(check: () => void | Promise<void>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 25));
    }
  }
}

/** A valid tldraw note with no author (the server stamps a participant's own). */
export function fakeNote(id: string, text: string): BoardRecord {
  return noteRecord(id, text, { x: 0, y: 0 });
}

/** What a note written with `fakeNote(…, text)` matches. */
export function withText(text: string): { props: { richText: ReturnType<typeof richText> } } {
  return { props: { richText: richText(text) } };
}
