/**
 * The one geometry of a board, read from its stored records without tldraw:
 * shape boxes, which canvas a shape belongs to, which zone holds a note, and
 * the reading order of canvases and zones. Votes, the report, search, the
 * list view and note placement all ask this module, so they cannot disagree
 * on where a note is.
 */
import { isShapeRecord, trameMeta, type BoardRecord } from './boardLayout.js';
import { richTextToPlain } from './richText.js';

/** tldraw's note side at scale 1 (NoteShapeUtil's `noteWidth`/`noteHeight`). */
export const NOTE_SIDE_PX = 200;

export interface Point {
  x: number;
  y: number;
}

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export type ZoneOutline = 'rectangle' | 'ellipse';

export interface ZoneGeometry {
  shapeId: string;
  canvasId: string;
  zoneId: string;
  label: string;
  box: Box;
  outline: ZoneOutline;
  /** Where the zone's label and hint are written, at its top: notes go below. */
  heading: Box;
}

export interface CanvasGeometry {
  canvasId: string;
  title: string;
  /** The frame drawn around the canvas, or the union of its scaffolding on boards without one. */
  box: Box;
  /** Scale of the canvas's example notes: the size new notes get inside it. */
  noteScale: number;
  /** The « débordement » band under the canvas (two rows of notes), where notes go when their zone is full; part of the canvas. */
  overflow: Box;
}

/** tldraw's text sizes (FONT_SIZES × 16 px), shape label sizes (LABEL_FONT_SIZES × 16 px), line height and label padding. */
const TEXT_PX: Record<string, number> = { s: 18, m: 24, l: 36, xl: 44 };
const LABEL_PX: Record<string, number> = { s: 18, m: 22, l: 26, xl: 32 };
const LINE_HEIGHT = 1.35;
const LABEL_PADDING_PX = 16;
/** Average width of a character of tldraw's sans font, in ems: enough to count wrapped lines. */
const CHAR_EM = 0.55;
/** Notes keep this far apart (at scale 1) from each other and from headings. */
export const NOTE_GAP_PX = 20;

/** Lines a text takes at `fontPx` in `widthPx`, wrapping words. */
export function wrappedLines(text: string, fontPx: number, widthPx: number): number {
  const perLine = Math.max(1, Math.floor(widthPx / (fontPx * CHAR_EM)));
  return text.split('\n').reduce((sum, paragraph) => {
    let lines = 1;
    let used = 0;
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const len = word.length + (used ? 1 : 0);
      if (used + len > perLine && used > 0) {
        lines += 1 + Math.floor((word.length - 1) / perLine);
        used = word.length % perLine || perLine;
      } else used += len;
    }
    return sum + lines;
  }, 0);
}

/**
 * Where a zone's label is written, as tldraw draws it at the zone's size and
 * scale: a band across the top, or (label aligned to the start and centred
 * vertically, as swimlanes are) a strip on the left as wide as its longest line.
 */
export function zoneHeadingBox(box: Box, text: string, style: { size: string; scale: number; align?: string; verticalAlign?: string }): Box {
  const font = (LABEL_PX[style.size] ?? LABEL_PX.m!) * style.scale;
  const pad = LABEL_PADDING_PX * style.scale;
  if (!text.trim()) return { x: box.x, y: box.y, w: 0, h: 0 };
  if (style.align === 'start' && style.verticalAlign === 'middle') {
    const longest = Math.max(...text.split('\n').map((line) => line.length));
    return { x: box.x, y: box.y, w: Math.min(box.w, longest * font * CHAR_EM + 2 * pad), h: box.h };
  }
  const lines = wrappedLines(text, font, box.w - 2 * pad);
  return { x: box.x, y: box.y, w: box.w, h: Math.min(box.h, lines * font * LINE_HEIGHT + 2 * pad) };
}

type Props = { w?: unknown; h?: unknown; growY?: unknown; scale?: unknown; size?: unknown; start?: unknown; end?: unknown };
const num = (value: unknown, fallback = 0) => (typeof value === 'number' && Number.isFinite(value) ? value : fallback);

/** Size of a shape as tldraw draws it, from its own props (position apart). */
function shapeSize(record: BoardRecord): Box {
  const props = (record.props ?? {}) as Props & { richText?: unknown };
  const scale = num(props.scale, 1);
  switch (record.type) {
    case 'note':
      return { x: 0, y: 0, w: NOTE_SIDE_PX * scale, h: (NOTE_SIDE_PX + num(props.growY)) * scale };
    case 'text': {
      // Text shapes store an unscaled width and no height: one line per paragraph is close enough for bounds.
      const lines = Math.max(1, JSON.stringify(props.richText ?? '').split('"paragraph"').length - 1);
      const line = (TEXT_PX[String(props.size)] ?? TEXT_PX.m!) * LINE_HEIGHT;
      return { x: 0, y: 0, w: num(props.w) * scale, h: lines * line * scale };
    }
    case 'arrow': {
      const start = (props.start ?? {}) as Props & { x?: unknown; y?: unknown };
      const end = (props.end ?? {}) as Props & { x?: unknown; y?: unknown };
      const [x1, y1, x2, y2] = [num(start.x), num(start.y), num(end.x), num(end.y)];
      return { x: Math.min(x1, x2), y: Math.min(y1, y2), w: Math.abs(x2 - x1), h: Math.abs(y2 - y1) };
    }
    default:
      // Geo shapes, frames and images store their drawn size; a geo shape's label can grow it.
      return { x: 0, y: 0, w: num(props.w), h: num(props.h) + num(props.growY) };
  }
}

/** Page position of a shape: children of frames or groups are offset by their parents (rotation ignored). */
function pagePoint(record: BoardRecord, byId: ReadonlyMap<string, BoardRecord>): Point {
  let x = num(record.x);
  let y = num(record.y);
  let parentId = record.parentId as string | undefined;
  for (let depth = 0; parentId?.startsWith('shape:') && depth < 32; depth++) {
    const parent = byId.get(parentId);
    if (!parent) break;
    x += num(parent.x);
    y += num(parent.y);
    parentId = parent.parentId as string | undefined;
  }
  return { x, y };
}

/** A shape's box in page coordinates. */
export function shapeBox(record: BoardRecord, byId: ReadonlyMap<string, BoardRecord>): Box {
  const at = pagePoint(record, byId);
  const size = shapeSize(record);
  return { x: at.x + size.x, y: at.y + size.y, w: size.w, h: size.h };
}

export const boxCentre = (box: Box): Point => ({ x: box.x + box.w / 2, y: box.y + box.h / 2 });

export const boxContains = (box: Box, p: Point): boolean =>
  p.x >= box.x && p.x <= box.x + box.w && p.y >= box.y && p.y <= box.y + box.h;

/** Whether two boxes overlap, each grown by `margin` on every side. */
export const boxesOverlap = (a: Box, b: Box, margin = 0): boolean =>
  a.x - margin < b.x + b.w && a.x + a.w + margin > b.x && a.y - margin < b.y + b.h && a.y + a.h + margin > b.y;

export function unionBox(boxes: Box[]): Box | undefined {
  if (boxes.length === 0) return undefined;
  const x = Math.min(...boxes.map((b) => b.x));
  const y = Math.min(...boxes.map((b) => b.y));
  return { x, y, w: Math.max(...boxes.map((b) => b.x + b.w)) - x, h: Math.max(...boxes.map((b) => b.y + b.h)) - y };
}

export function zoneContains(zone: { box: Box; outline: ZoneOutline }, p: Point): boolean {
  const { box } = zone;
  if (zone.outline !== 'ellipse') return boxContains(box, p);
  const rx = box.w / 2;
  const ry = box.h / 2;
  if (rx <= 0 || ry <= 0) return false;
  const dx = (p.x - (box.x + rx)) / rx;
  const dy = (p.y - (box.y + ry)) / ry;
  return dx * dx + dy * dy <= 1;
}

export function isNoteRecord(record: BoardRecord | undefined): record is BoardRecord {
  return Boolean(record && isShapeRecord(record) && record.type === 'note');
}

/** A template's example note (« Ex. : … »): scaffolding, never a contribution, never voted on or reported. */
export function isExampleNote(record: BoardRecord | undefined): boolean {
  return isNoteRecord(record) && trameMeta(record)?.role === 'placeholder';
}

/** A note someone wrote: what votes, reports, exports and search count. */
export function isContributionNote(record: BoardRecord | undefined): record is BoardRecord {
  return isNoteRecord(record) && !trameMeta(record)?.role;
}

/**
 * Top-left to bottom-right: items whose tops fall within the upper half of
 * the row's first item share its row and are read left to right; a container
 * comes before what it contains.
 */
export function inReadingOrder<T extends { box: Box }>(items: readonly T[]): T[] {
  const byTop = [...items].sort((a, b) => a.box.y - b.box.y || a.box.x - b.box.x);
  const rows: T[][] = [];
  for (const item of byTop) {
    const row = rows.at(-1);
    const head = row?.[0];
    if (row && head && item.box.y < head.box.y + Math.max(head.box.h, 1) / 2) row.push(item);
    else rows.push([item]);
  }
  return rows.flatMap((row) => row.sort((a, b) => a.box.x - b.box.x || b.box.w * b.box.h - a.box.w * a.box.h));
}

/** Trame's view of a board: its canvases in board order, their zones in reading order, and where any shape is. */
export interface BoardGeometry {
  byId: ReadonlyMap<string, BoardRecord>;
  canvases: CanvasGeometry[];
  zones: ZoneGeometry[];
  boxOf(record: BoardRecord): Box;
  /** The canvas a shape belongs to: its own tag, a tagged ancestor, or the canvas whose box holds its centre. */
  canvasOf(record: BoardRecord): string | null;
  /** The smallest zone (of `canvasId` when given) containing a point: rings nest, a note counts in the inner one. */
  zoneAt(point: Point, canvasId?: string | null): ZoneGeometry | undefined;
}

export function readBoardGeometry(records: Iterable<BoardRecord>): BoardGeometry {
  const shapes = [...records].filter(isShapeRecord);
  const byId = new Map(shapes.map((r) => [r.id, r]));
  const boxes = new Map<string, Box>();
  const boxOf = (record: BoardRecord): Box => {
    // Only records of this board are cached: a caller may pass a record that is not (yet) on it.
    if (byId.get(record.id) !== record) return shapeBox(record, byId);
    const box = boxes.get(record.id) ?? shapeBox(record, byId);
    boxes.set(record.id, box);
    return box;
  };

  const scaffolding = new Map<string, BoardRecord[]>();
  for (const shape of shapes) {
    const meta = trameMeta(shape);
    if (!meta?.role || !meta.canvasId) continue;
    scaffolding.set(meta.canvasId, [...(scaffolding.get(meta.canvasId) ?? []), shape]);
  }
  const canvases = inReadingOrder(
    [...scaffolding.entries()].flatMap(([canvasId, list]): CanvasGeometry[] => {
      const frame = list.find((s) => trameMeta(s)?.role === 'frame');
      const box = frame ? boxOf(frame) : unionBox(list.map(boxOf));
      if (!box) return [];
      const titled = list.find((s) => trameMeta(s)?.role === 'title') ?? frame;
      const example = list.find((s) => s.type === 'note');
      const noteScale = num((example?.props as Props | undefined)?.scale, 1);
      const band = (2 * NOTE_SIDE_PX + 3 * NOTE_GAP_PX) * noteScale;
      const overflow = { x: box.x, y: box.y + box.h, w: box.w, h: band };
      return [{ canvasId, title: (titled && trameMeta(titled)?.label) || '', box, noteScale, overflow }];
    }),
  );
  const allZones = shapes.flatMap((shape): ZoneGeometry[] => {
      const meta = trameMeta(shape);
      if (meta?.role !== 'zone') return [];
      const box = boxOf(shape);
      const props = (shape.props ?? {}) as Props & { richText?: unknown; align?: unknown; verticalAlign?: unknown };
      const text = props.richText ? richTextToPlain(props.richText) : (meta.label ?? '');
      return [{
        shapeId: shape.id,
        canvasId: meta.canvasId ?? '',
        zoneId: meta.zoneId ?? shape.id,
        label: meta.label ?? '',
        box,
        outline: meta.outline === 'ellipse' ? 'ellipse' : 'rectangle',
        heading: zoneHeadingBox(box, text, {
          size: String(props.size ?? 'm'),
          scale: num(props.scale, 1),
          align: String(props.align ?? 'middle'),
          verticalAlign: String(props.verticalAlign ?? 'middle'),
        }),
      }];
  });
  // Zones follow their canvas in board order, then reading order within it.
  const zones = [...canvases.map((c) => c.canvasId), ''].flatMap((id) => inReadingOrder(allZones.filter((z) => z.canvasId === id)));

  const canvasOf = (record: BoardRecord): string | null => {
    for (let r: BoardRecord | undefined = record, depth = 0; r && depth < 32; depth++) {
      const tagged = trameMeta(r)?.canvasId;
      if (tagged && scaffolding.has(tagged)) return tagged;
      r = byId.get(String(r.parentId ?? ''));
    }
    const centre = boxCentre(boxOf(record));
    const home = canvases
      .filter((c) => boxContains(c.box, centre) || boxContains(c.overflow, centre))
      .sort((a, b) => a.box.w * a.box.h - b.box.w * b.box.h)[0];
    return home?.canvasId ?? null;
  };
  const zoneAt = (point: Point, canvasId?: string | null) =>
    zones
      .filter((z) => (canvasId === undefined || z.canvasId === canvasId) && zoneContains(z, point))
      .sort((a, b) => a.box.w * a.box.h - b.box.w * b.box.h)[0];

  return { byId, canvases, zones, boxOf, canvasOf, zoneAt };
}

/** The canvas and zone a note sits in, as the vote, the report and the list view all count it. */
export function notePlace(geometry: BoardGeometry, note: BoardRecord): { canvasId: string | null; zone: ZoneGeometry | undefined } {
  const canvasId = geometry.canvasOf(note);
  return { canvasId, zone: geometry.zoneAt(boxCentre(geometry.boxOf(note)), canvasId) };
}
