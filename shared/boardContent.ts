/**
 * Reading a board's content without tldraw: the text of shapes, and which
 * contributions (notes) sit in which zone of which canvas. Used by search,
 * the CSV and the PDF report, on the server and in the browser alike.
 */
import { isShapeRecord, trameMeta, type BoardRecord } from './boardLayout.js';

interface RichTextNode {
  type?: string;
  text?: string;
  content?: RichTextNode[];
}

/** Plain text of a tldraw rich text document: paragraphs become lines. */
export function richTextToPlain(node: unknown): string {
  const n = node as RichTextNode | undefined;
  if (!n) return '';
  if (typeof n.text === 'string') return n.text;
  const parts = (n.content ?? []).map(richTextToPlain);
  return n.type === 'doc' ? parts.join('\n') : parts.join(n.type === 'paragraph' ? '' : '\n');
}

export function shapeText(record: BoardRecord): string {
  const props = record.props as { richText?: unknown; text?: unknown } | undefined;
  if (!props) return '';
  if (props.richText) return richTextToPlain(props.richText).trim();
  return typeof props.text === 'string' ? props.text.trim() : '';
}

export interface Contribution {
  id: string;
  text: string;
  college: string | null;
  authorId: string | null;
  /** Centre in page coordinates. */
  x: number;
  y: number;
}

export interface ZoneContent {
  canvasId: string;
  zoneId: string;
  label: string;
  contributions: Contribution[];
}

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Page position of a shape: children of frames or groups are offset by their parents (rotation ignored). */
function pagePoint(record: BoardRecord, byId: Map<string, BoardRecord>): { x: number; y: number } {
  let x = Number(record.x ?? 0);
  let y = Number(record.y ?? 0);
  let parentId = record.parentId as string | undefined;
  while (parentId?.startsWith('shape:')) {
    const parent = byId.get(parentId);
    if (!parent) break;
    x += Number(parent.x ?? 0);
    y += Number(parent.y ?? 0);
    parentId = parent.parentId as string | undefined;
  }
  return { x, y };
}

function sizeOf(record: BoardRecord): { w: number; h: number } {
  const props = record.props as { w?: number; h?: number; growY?: number; scale?: number } | undefined;
  const scale = props?.scale ?? 1;
  // tldraw sizes notes by their scale; geo shapes and frames store their drawn size already.
  if (record.type === 'note') return { w: NOTE_SIZE * scale, h: NOTE_SIZE * scale + (props?.growY ?? 0) };
  return { w: props?.w ?? 0, h: (props?.h ?? 0) + (props?.growY ?? 0) };
}

function contains(zone: Box, outline: 'rectangle' | 'ellipse', px: number, py: number): boolean {
  if (outline === 'ellipse') {
    const rx = zone.w / 2;
    const ry = zone.h / 2;
    if (rx <= 0 || ry <= 0) return false;
    const dx = (px - (zone.x + rx)) / rx;
    const dy = (py - (zone.y + ry)) / ry;
    return dx * dx + dy * dy <= 1;
  }
  return px >= zone.x && px <= zone.x + zone.w && py >= zone.y && py <= zone.y + zone.h;
}

export interface ZoneShape {
  canvasId: string;
  zoneId: string;
  label: string;
  box: Box;
  outline: 'rectangle' | 'ellipse';
}

/** The zones of every canvas on a board, with their page-space outline. */
export function boardZones(records: Iterable<BoardRecord>): ZoneShape[] {
  const all = [...records];
  const byId = new Map(all.map((r) => [r.id, r]));
  return all
    .filter((r) => isShapeRecord(r) && trameMeta(r)?.role === 'zone')
    .map((r) => {
      const meta = trameMeta(r)!;
      const { x, y } = pagePoint(r, byId);
      const { w, h } = sizeOf(r);
      return {
        canvasId: meta.canvasId ?? '',
        zoneId: meta.zoneId ?? r.id,
        label: meta.label ?? '',
        box: { x, y, w, h },
        outline: meta.outline ?? 'rectangle',
      };
    });
}

const NOTE_SIZE = 200;
const NOTE_GAP = 20;

/**
 * Where to put a new note in a zone so that it covers no other note: the
 * first free cell of a grid over the zone, below its label band; when the
 * zone is full, its centre (people then see the pile).
 */
export function freeSpotInZone(zone: ZoneShape, occupied: Box[], labelBand = 200): { x: number; y: number } {
  const cell = NOTE_SIZE + NOTE_GAP;
  const overlaps = (x: number, y: number) =>
    occupied.some((o) => x < o.x + o.w && x + NOTE_SIZE > o.x && y < o.y + o.h && y + NOTE_SIZE > o.y);
  for (let y = zone.box.y + Math.min(labelBand, zone.box.h / 3); y + NOTE_SIZE <= zone.box.y + zone.box.h; y += cell) {
    for (let x = zone.box.x + NOTE_GAP; x + NOTE_SIZE <= zone.box.x + zone.box.w; x += cell) {
      const centre = { x: x + NOTE_SIZE / 2, y: y + NOTE_SIZE / 2 };
      if (contains(zone.box, zone.outline, centre.x, centre.y) && !overlaps(x, y)) return { x, y };
    }
  }
  return { x: zone.box.x + zone.box.w / 2 - NOTE_SIZE / 2, y: zone.box.y + zone.box.h / 2 - NOTE_SIZE / 2 };
}

/** Page-space box of a note, for placement. */
export function noteBox(record: BoardRecord, records: Iterable<BoardRecord>): Box {
  const byId = new Map([...records].map((r) => [r.id, r]));
  return { ...pagePoint(record, byId), ...sizeOf(record) };
}

/**
 * Every note, attributed to the smallest zone containing its centre (so a
 * note in the inner ring of the actors map is not counted in the outer one).
 * Notes outside every zone are returned apart.
 */
export function contributionsByZone(records: Iterable<BoardRecord>): { zones: ZoneContent[]; outside: Contribution[] } {
  const all = [...records];
  const byId = new Map(all.map((r) => [r.id, r]));
  const zones = boardZones(all).map((zone) => ({
    box: zone.box,
    outline: zone.outline,
    content: { canvasId: zone.canvasId, zoneId: zone.zoneId, label: zone.label, contributions: [] } as ZoneContent,
  }));
  const outside: Contribution[] = [];
  for (const record of all) {
    if (!isShapeRecord(record) || record.type !== 'note') continue;
    const meta = trameMeta(record);
    // Example notes drawn by a template are scaffolding, not contributions.
    if (meta?.role) continue;
    const { x, y } = pagePoint(record, byId);
    const { w, h } = sizeOf(record);
    const contribution: Contribution = {
      id: record.id,
      text: shapeText(record),
      college: meta?.college ?? null,
      authorId: meta?.authorId ?? null,
      x: x + w / 2,
      y: y + h / 2,
    };
    const home = zones
      .filter((z) => contains(z.box, z.outline, contribution.x, contribution.y))
      .sort((a, b) => a.box.w * a.box.h - b.box.w * b.box.h)[0];
    if (home) home.content.contributions.push(contribution);
    else outside.push(contribution);
  }
  return { zones: zones.map((z) => z.content), outside };
}

/** All the words people wrote on a board, for full-text search. */
export function boardText(records: Iterable<BoardRecord>): string {
  const texts: string[] = [];
  for (const record of records) {
    if (isShapeRecord(record) && record.type === 'note' && !trameMeta(record)?.role) {
      const text = shapeText(record);
      if (text) texts.push(text);
    }
  }
  return texts.join('\n');
}
