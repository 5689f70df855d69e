/**
 * Builds a new board as a Yjs update, on the server, with tldraw's own schema
 * and record types so that every record is valid before a browser sees it.
 */
import {
  DocumentRecordType,
  PageRecordType,
  TLDOCUMENT_ID,
  createTLStore,
  defaultBindingUtils,
  defaultShapeUtils,
  type TLRecord,
} from 'tldraw';
import * as Y from 'yjs';
import {
  BOARD_LAYOUT_VERSION,
  META_LAYOUT_VERSION,
  META_SCHEMA,
  boardMeta,
  boardRecords,
  type BoardRecord,
} from '../../shared/boardLayout.js';

export const BOARD_PAGE_ID = PageRecordType.createId('page');

/** A tldraw store with the default shapes: validates records the server writes. */
export function createServerStore() {
  return createTLStore({ shapeUtils: defaultShapeUtils, bindingUtils: defaultBindingUtils });
}

/**
 * The whole initial state of a board holding `records` (shapes and bindings) on its one page. Records may come
 * from another board as Trame reads them: tldraw's store validates each one here, at the tldraw boundary.
 */
export function createBoardState(records: readonly (TLRecord | BoardRecord)[] = []): Uint8Array {
  const store = createServerStore();
  store.put([
    DocumentRecordType.create({ id: TLDOCUMENT_ID }),
    PageRecordType.create({ id: BOARD_PAGE_ID, name: 'Atelier', index: 'a1' as never }),
    ...(records as TLRecord[]),
  ]);
  const doc = new Y.Doc();
  doc.transact(() => {
    const map = boardRecords(doc);
    for (const record of store.allRecords()) map.set(record.id, record as unknown as BoardRecord);
    const meta = boardMeta(doc);
    meta.set(META_LAYOUT_VERSION, BOARD_LAYOUT_VERSION);
    meta.set(META_SCHEMA, store.schema.serialize());
  });
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}
