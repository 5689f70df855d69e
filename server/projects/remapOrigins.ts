import * as Y from 'yjs';
import { TRAME_META_KEY, boardRecords, trameMeta } from '../../shared/boardLayout.js';

/** A board whose carried notes name the imported copies of their workshops (unknown ones are left as they were). */
export function remapOrigins(state: Uint8Array, newIds: ReadonlyMap<string, string>): Uint8Array {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, state);
    const records = boardRecords(doc);
    doc.transact(() => {
      for (const [key, record] of records) {
        const meta = trameMeta(record);
        const to = meta?.origin && newIds.get(meta.origin.sessionId);
        if (!to) continue;
        const trame = { ...meta, origin: { ...meta.origin!, sessionId: to } };
        records.set(key, { ...record, meta: { ...(record.meta as object), [TRAME_META_KEY]: trame } });
      }
    });
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}

