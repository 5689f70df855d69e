/**
 * Places template canvases on a board, each in the next free cell of the
 * board's grid (journey order, row by row), above every existing shape. Used when a session is created with
 * templates and when the facilitator adds one to a running session.
 */
import { randomBytes } from 'node:crypto';
import {
  DocumentRecordType,
  PageRecordType,
  TLDOCUMENT_ID,
  getIndicesAbove,
  type IndexKey,
  type TLPageId,
  type TLRecord,
} from 'tldraw';
import type * as Y from 'yjs';
import { boardRecords, isShapeRecord, type BoardRecord } from '../../shared/boardLayout.js';
import type { Template } from '../../shared/templateSchema.js';
import { BOARD_PAGE_ID, createServerStore } from './createBoardState.js';
import { boardColumns, canvasFrames, nextCellOrigin } from './canvasLayout.js';
import { canvasFrameSize, templateShapeCount, templateToRecords } from './templateToRecords.js';

export interface DrawnCanvas {
  canvasId: string;
  templateId: string;
}

export function newCanvasId(): string {
  return `c${randomBytes(5).toString('hex')}`;
}

/**
 * The records of `templates` as they would be added to a board already
 * holding `existing`; `sessionId` names the board, for zone backgrounds
 * (see `templateToRecords`).
 */
export function canvasRecords(
  templates: Template[],
  existing: BoardRecord[] = [],
  pageId: TLPageId = BOARD_PAGE_ID,
  sessionId?: string,
): { records: TLRecord[]; canvases: DrawnCanvas[] } {
  const placed = canvasFrames(existing);
  const columns = boardColumns(existing, templates.length);
  const top = existing
    .filter(isShapeRecord)
    .flatMap((r) => (typeof r.index === 'string' ? [r.index as IndexKey] : []))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .at(-1);
  let indices = getIndicesAbove(top ?? null, templates.reduce((sum, t) => sum + templateShapeCount(t), 0));
  const records: TLRecord[] = [];
  const canvases: DrawnCanvas[] = [];
  for (const template of templates) {
    const canvasId = newCanvasId();
    const count = templateShapeCount(template);
    const size = canvasFrameSize(template);
    const origin = nextCellOrigin(placed, size, columns);
    const shapes = templateToRecords(template, { canvasId, pageId, origin, indices: indices.slice(0, count), sessionId });
    indices = indices.slice(count);
    records.push(...shapes);
    placed.push({ ...origin, ...size });
    canvases.push({ canvasId, templateId: template.id });
  }
  return { records, canvases };
}

/**
 * Adds canvases to a live board in one transaction, so connected clients get
 * them in one update. Records are validated by tldraw's store first: an
 * invalid shape throws before anything is written.
 */
export function drawCanvasesInDoc(doc: Y.Doc, templates: Template[], sessionId: string): DrawnCanvas[] {
  const map = boardRecords(doc);
  const existing = [...map.values()];
  const page = existing.find((r) => r.typeName === 'page');
  const pageId = (page?.id ?? BOARD_PAGE_ID) as TLPageId;
  const { records, canvases } = canvasRecords(templates, existing, pageId, sessionId);
  const store = createServerStore();
  store.put([
    DocumentRecordType.create({ id: TLDOCUMENT_ID }),
    PageRecordType.create({ id: pageId, name: 'Atelier', index: 'a1' as IndexKey }),
    ...records,
  ] as TLRecord[]);
  doc.transact(() => {
    for (const record of records) map.set(record.id, store.get(record.id) as unknown as BoardRecord);
  });
  return canvases;
}

