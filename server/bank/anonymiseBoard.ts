/**
 * The board as the public bank shows it: what was said, never who said it.
 * Pure: records in, records out (see PublishedBoards for when it runs).
 */
import { TRAME_META_KEY, trameMeta, type BoardRecord, type TrameShapeMeta } from '../../shared/boardLayout.js';

/** Record types of the board that hold no person: everything else (user records…) is dropped. */
const KEPT_TYPES = new Set(['document', 'page', 'shape', 'binding', 'asset']);

/** What of `meta.trame` describes the canvas; the rest (author, collège, private flag) describes people. */
const KEPT_META: (keyof TrameShapeMeta)[] = ['canvasId', 'templateId', 'role', 'zoneId', 'label', 'outline'];

/** A note's colour when the facilitator did not colour notes by collège: colours must not group one person's notes. */
const NEUTRAL_NOTE_COLOR = 'yellow';

export interface AnonymiseOptions {
  /** The facilitator chose to show collèges as colours: note colours are kept, never the collège itself. */
  colorByCollege: boolean;
}

export function anonymiseBoard(records: BoardRecord[], options: AnonymiseOptions): BoardRecord[] {
  return records.filter(isPublishable).map((record) => (record.typeName === 'shape' ? anonymiseShape(record, options) : withoutMeta(record)));
}

function isPublishable(record: BoardRecord): boolean {
  if (!KEPT_TYPES.has(record.typeName)) return false;
  const meta = trameMeta(record);
  // Example notes show how to fill a canvas, not what the workshop said; private notes were never revealed.
  return meta?.role !== 'placeholder' && !meta?.private;
}

function anonymiseShape(record: BoardRecord, options: AnonymiseOptions): BoardRecord {
  const meta = trameMeta(record) ?? {};
  const kept = Object.fromEntries(KEPT_META.filter((k) => meta[k] !== undefined).map((k) => [k, meta[k]]));
  const props = { ...(record.props as Record<string, unknown>) };
  if ('textLastEditedBy' in props) props.textLastEditedBy = null;
  if (record.type === 'note' && !meta.role && !options.colorByCollege) props.color = NEUTRAL_NOTE_COLOR;
  return { ...record, props, meta: Object.keys(kept).length ? { [TRAME_META_KEY]: kept } : {} };
}

/** Pages, bindings and assets carry no Trame data; any `meta` an app wrote is not the bank's to publish. */
function withoutMeta(record: BoardRecord): BoardRecord {
  return 'meta' in record ? { ...record, meta: {} } : record;
}
