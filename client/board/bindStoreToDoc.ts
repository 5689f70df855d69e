/**
 * Two-way binding between a tldraw store and a board's Y.Doc (layout in
 * shared/boardLayout.ts): local user edits go into the doc, remote doc
 * changes go into the store as remote changes. Returns the unsubscribe.
 */
import type { TLRecord, TLStore } from 'tldraw';
import * as Y from 'yjs';
import { META_SCHEMA, boardMeta, boardRecords, type BoardRecord } from '../../shared/boardLayout.js';
import { isPrivateNote } from '../facilitation/isPrivateNote.js';
import { isLocalOnlyRecord } from './attributionUsers.js';
import { readableRecords, splitValid } from './readableRecords.js';

/** Private notes travel through socket.io (see client/facilitation); user records, with names, stay on the device. */
const isShared = (record: TLRecord) => !isPrivateNote(record) && !isLocalOnlyRecord(record);

/** `skipped`: keys of records tldraw refuses, left out so that the rest of the board opens. */
export type LoadResult = { ok: true; skipped: string[] } | { ok: false; error: Error };

/** Loads the doc's records into the store, migrating them if the doc was written by an older tldraw. */
export function loadDocIntoStore(doc: Y.Doc, store: TLStore): LoadResult {
  const records = boardRecords(doc);
  const meta = boardMeta(doc);
  const theirSchema = meta.get(META_SCHEMA);
  if (!theirSchema) return { ok: false, error: new Error('missing schema') };
  const { records: migrated, skipped, schema } = readableRecords(store, theirSchema, records.entries());
  store.mergeRemoteChanges(() => {
    // A board written before names were kept out may hold user records: their names are not shown.
    store.put(migrated.filter((r) => !isLocalOnlyRecord(r)));
  });
  const ourSchema = store.schema.serialize();
  if (JSON.stringify(ourSchema) !== JSON.stringify(schema)) {
    // This client is newer: it owns writing the migrated records back, once.
    doc.transact(() => {
      for (const record of migrated) records.set(record.id, record as unknown as BoardRecord);
      meta.set(META_SCHEMA, ourSchema);
    });
  }
  return { ok: true, skipped };
}

/** `onSkipped`: keys of remote records tldraw refuses (left out), and keys removed since (no longer a problem). */
export function bindStoreToDoc(
  doc: Y.Doc,
  store: TLStore,
  onSkipped: (skipped: string[], removed: string[]) => void = () => {},
): () => void {
  const records = boardRecords(doc);

  const stopListening = store.listen(
    ({ changes }) => {
      doc.transact(() => {
        for (const record of Object.values(changes.added)) {
          if (isShared(record)) records.set(record.id, record as unknown as BoardRecord);
        }
        for (const [, after] of Object.values(changes.updated)) {
          if (isShared(after)) records.set(after.id, after as unknown as BoardRecord);
        }
        for (const record of Object.values(changes.removed)) {
          if (isShared(record)) records.delete(record.id);
        }
      });
    },
    { source: 'user', scope: 'document' },
  );

  const onRemote = (event: Y.YMapEvent<BoardRecord>, transaction: Y.Transaction) => {
    if (transaction.local) return;
    const toPut: TLRecord[] = [];
    const toRemove: TLRecord['id'][] = [];
    event.changes.keys.forEach((change, id) => {
      if (change.action === 'delete') toRemove.push(id as TLRecord['id']);
      else if (!isLocalOnlyRecord(records.get(id) as unknown as TLRecord)) toPut.push(records.get(id) as unknown as TLRecord);
    });
    const { valid, skipped } = splitValid(store, toPut);
    if (skipped.length || toRemove.length) onSkipped(skipped, toRemove);
    store.mergeRemoteChanges(() => {
      if (toRemove.length) store.remove(toRemove);
      if (valid.length) store.put(valid);
    });
  };
  records.observe(onRemote);

  return () => {
    stopListening();
    records.unobserve(onRemote);
  };
}
