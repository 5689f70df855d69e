/**
 * A canvas as the report draws it: its zones, free text, arrows and notes in
 * board pixels, read from the stored records (no tldraw in the renderer, so a
 * report does not wait for a board to sync). The title and the facilitator's
 * instructions are left out (the page heading and the déroulé say them), and
 * so are example notes.
 */
import { isShapeRecord, trameMeta, type BoardRecord } from '../../shared/boardLayout.js';
import { shapeText } from '../../shared/boardContent.js';
import { isExampleNote, shapeBox, unionBox, type Box } from '../../shared/boardGeometry.js';
import type { DrawingItem } from '../../shared/reportData.js';

// tldraw's font sizes (theme size 16 × its multipliers): text shapes, then labels of geo shapes.
const TEXT_PX: Record<string, number> = { s: 18, m: 24, l: 36, xl: 44 };
const LABEL_PX: Record<string, number> = { s: 18, m: 22, l: 26, xl: 32 };
const LEFT_OUT = new Set(['frame', 'title', 'instructions']);

type Props = Record<string, unknown> & { color?: string; size?: string; scale?: number; geo?: string };

/** An image shape's picture, by its asset record id, as a data: URL (absent: not drawn). */
export type ImageSource = (assetRecordId: string) => string | undefined;

function item(record: BoardRecord, box: Box, images: ImageSource): DrawingItem | null {
  const props = (record.props ?? {}) as Props;
  const meta = trameMeta(record);
  const color = props.color ?? 'black';
  const scale = props.scale ?? 1;
  const text = shapeText(record);
  if (record.type === 'note') return { kind: 'note', id: record.id, box, text, color };
  if (record.type === 'image') {
    const src = typeof props.assetId === 'string' ? images(props.assetId) : undefined;
    return src ? { kind: 'image', box, src } : null;
  }
  if (record.type === 'geo' && meta?.role === 'zone') {
    const label = meta.label ?? text.split('\n')[0] ?? '';
    const hint = text.startsWith(label) ? text.slice(label.length).trim() : '';
    const align = props.align === 'start' ? 'start' : 'middle';
    return { kind: 'zone', box, outline: meta.outline ?? 'rectangle', color, label, hint, align, fontPx: (LABEL_PX[props.size ?? 'm'] ?? 22) * scale };
  }
  if (record.type === 'geo') {
    return { kind: 'shape', box, text, color, outline: props.geo === 'ellipse' || props.geo === 'oval' ? 'ellipse' : 'rectangle' };
  }
  if (record.type === 'text') {
    const w = Number(props.w ?? 0) * scale;
    const fontPx = (TEXT_PX[props.size ?? 'm'] ?? 24) * scale;
    const lines = Math.max(1, text.split('\n').length);
    const align = props.textAlign === 'middle' || props.textAlign === 'end' ? props.textAlign : 'start';
    return { kind: 'text', box: { ...box, w: w || box.w, h: lines * fontPx * 1.35 }, text, color, align, fontPx };
  }
  if (record.type === 'arrow') {
    const start = props.start as { x: number; y: number } | undefined;
    const end = props.end as { x: number; y: number } | undefined;
    if (!start || !end) return null;
    const from = { x: box.x + start.x, y: box.y + start.y };
    const to = { x: box.x + end.x, y: box.y + end.y };
    return { kind: 'arrow', from, to, color, dashed: props.dash !== 'solid' && props.dash !== 'draw', head: props.arrowheadEnd !== 'none' };
  }
  return null;
}

function itemBox(it: DrawingItem): Box {
  if (it.kind !== 'arrow') return it.box;
  const x = Math.min(it.from.x, it.to.x);
  const y = Math.min(it.from.y, it.to.y);
  return { x, y, w: Math.abs(it.to.x - it.from.x), h: Math.abs(it.to.y - it.from.y) };
}

/** The drawing of one canvas: its shapes in drawing order, and the box they cover. */
export function canvasDrawing(shapes: BoardRecord[], byId: ReadonlyMap<string, BoardRecord>, images: ImageSource): { items: DrawingItem[]; bounds: Box } {
  const items: DrawingItem[] = [];
  const ordered = [...shapes].sort((a, b) => String(a.index ?? '').localeCompare(String(b.index ?? '')));
  for (const record of ordered) {
    if (!isShapeRecord(record) || isExampleNote(record) || LEFT_OUT.has(trameMeta(record)?.role ?? '')) continue;
    const drawn = item(record, shapeBox(record, byId), images);
    if (drawn) items.push(drawn);
  }
  const pad = 40;
  const b = unionBox(items.map(itemBox)) ?? { x: 0, y: 0, w: 0, h: 0 };
  return { items, bounds: { x: b.x - pad, y: b.y - pad, w: b.w + 2 * pad, h: b.h + 2 * pad } };
}
