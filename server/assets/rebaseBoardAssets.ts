import * as Y from 'yjs';
import { rebaseAssetRecord } from '../../shared/assetUrls.js';
import { boardRecords } from '../../shared/boardLayout.js';

/**
 * A board state whose asset records point at `toSessionId`'s copies of the
 * images: a duplicated or imported board gets a new session id, and its
 * records must name it (the server refuses assets of another session).
 */
export function rebaseBoardAssets(state: Uint8Array, toSessionId: string): Uint8Array {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, state);
    const records = boardRecords(doc);
    doc.transact(() => {
      for (const [key, record] of records) {
        const rebased = rebaseAssetRecord(record, toSessionId);
        if (rebased !== record) records.set(key, rebased);
      }
    });
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}
