import type * as Y from 'yjs';
import { boardRecords, isShapeRecord, trameMeta } from '../../shared/boardLayout.js';

/**
 * Locks or unlocks a canvas's scaffolding (zones, labels, title,
 * instructions…) in one transaction; participants' notes are left as they
 * are. Returns how many shapes the canvas has, 0 when it is not on the board.
 */
export function setCanvasLocked(doc: Y.Doc, canvasId: string, locked: boolean): number {
  const map = boardRecords(doc);
  const scaffolding = [...map.values()].filter((r) => isShapeRecord(r) && trameMeta(r)?.canvasId === canvasId);
  doc.transact(() => {
    for (const record of scaffolding) if (record.isLocked !== locked) map.set(record.id, { ...record, isLocked: locked });
  });
  return scaffolding.length;
}
