/**
 * Who wrote what on a board: Trame stamps each participant's shape with their id (`meta.trame.authorId`) and
 * tldraw stamps a note with whoever last edited its text (`textLastEditedBy`, a participant id in Trame).
 * Both go when a participant withdraws, and from every board once the retention period is over, with the
 * record of which Yjs client ids were theirs (`clients`).
 */
import type * as Y from 'yjs';
import { forgetAllClients, forgetClientsOf } from '../collaboration/ClientOwners.js';
import { TRAME_META_KEY, boardRecords, isShapeRecord, trameMeta, type BoardRecord } from '../../shared/boardLayout.js';
import { shapeText } from '../../shared/richText.js';

/** A shape a withdrawing participant's withdrawal removed, with its text (what suites made from it must lose). */
export interface RemovedShape {
  id: string;
  text: string;
}

/** Removes `authorId`'s shapes, bindings to them, their name as last editor of others' notes and their client ids; the shapes removed. */
export function removeContributionsOf(doc: Y.Doc, authorId: string): RemovedShape[] {
  const records = boardRecords(doc);
  const shapes = [...records.values()].filter((r) => isShapeRecord(r) && trameMeta(r)?.authorId === authorId);
  const removed = new Set(shapes.map((r) => r.id));
  const boundToRemoved = (r: BoardRecord) =>
    r.typeName === 'binding' && (removed.has(String(r.fromId)) || removed.has(String(r.toId)));
  doc.transact(() => {
    for (const [key, record] of [...records.entries()]) {
      if (removed.has(key) || boundToRemoved(record)) records.delete(key);
      else if (lastEditor(record) === authorId) records.set(key, withoutLastEditor(record));
    }
    forgetClientsOf(doc, authorId);
  });
  return shapes.map((r) => ({ id: r.id, text: shapeText(r) }));
}

/** Removes every author id, last editor and client owner; collèges stay (the report counts by collège, no one is named). */
export function forgetAuthors(doc: Y.Doc): number {
  const records = boardRecords(doc);
  let changed = 0;
  doc.transact(() => {
    for (const [key, record] of [...records.entries()]) {
      const meta = trameMeta(record);
      const authored = meta?.authorId !== undefined;
      if (!authored && lastEditor(record) == null) continue;
      let next = withoutLastEditor(record);
      if (authored) {
        const { authorId: _authorId, ...kept } = meta!;
        next = { ...next, meta: { ...(next.meta as object), [TRAME_META_KEY]: kept } };
      }
      records.set(key, next);
      changed += 1;
    }
    forgetAllClients(doc);
  });
  return changed;
}

function lastEditor(record: BoardRecord): unknown {
  return (record.props as Record<string, unknown> | undefined)?.textLastEditedBy;
}

function withoutLastEditor(record: BoardRecord): BoardRecord {
  if (lastEditor(record) == null) return record;
  return { ...record, props: { ...(record.props as object), textLastEditedBy: null } };
}
