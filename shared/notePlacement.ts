/**
 * Where a note added without the canvas (the list view) goes: the first free
 * slot of its zone's writing area, below the heading, covering no note, no
 * heading and no zone nested inside; when the zone is full, the first free
 * slot of its canvas's « débordement » band. Uses the board's one geometry.
 */
import {
  NOTE_GAP_PX,
  NOTE_SIDE_PX,
  boxCentre,
  boxesOverlap,
  isNoteRecord,
  type BoardGeometry,
  type Box,
  type Point,
  type ZoneGeometry,
} from './boardGeometry.js';
import { isShapeRecord, trameMeta } from './boardLayout.js';

export interface NoteSpot extends Point {
  /** The note's scale: its canvas's note size. */
  scale: number;
  /** True when the zone was full and the note goes to the débordement band. */
  overflow: boolean;
  /** Set when the band itself is full and the note lands below it: the note must carry its canvas. */
  canvasId?: string;
}

/** What a new note must not cover: zone headings, text drawn on the canvas and (unless counting room) notes. */
function obstacles(geometry: BoardGeometry, canvasId: string | null, withNotes: boolean): Box[] {
  const boxes: Box[] = geometry.zones.filter((z) => z.canvasId === canvasId).map((z) => z.heading);
  for (const record of geometry.byId.values()) {
    if (!isShapeRecord(record)) continue;
    const role = trameMeta(record)?.role;
    const text = role === 'label' || role === 'title' || role === 'instructions';
    if (text || (withNotes && isNoteRecord(record))) boxes.push(geometry.boxOf(record));
  }
  return boxes;
}

/** Slots of `side` px over `area`, row by row, every half note: curved zones get their spots too. */
function* slots(area: Box, side: number, gap: number): Generator<Box> {
  const step = (side + gap) / 2;
  for (let y = area.y; y + side <= area.y + area.h + 0.5; y += step) {
    for (let x = area.x; x + side <= area.x + area.w + 0.5; x += step) yield { x, y, w: side, h: side };
  }
}

const midpoints = (box: Box): Point[] => [
  { x: box.x + box.w / 2, y: box.y },
  { x: box.x + box.w / 2, y: box.y + box.h },
  { x: box.x, y: box.y + box.h / 2 },
  { x: box.x + box.w, y: box.y + box.h / 2 },
];

/** Whether the whole note sits in `zone` and in no zone nested inside it. */
function withinZone(geometry: BoardGeometry, zone: ZoneGeometry, box: Box): boolean {
  const points = [
    boxCentre(box),
    { x: box.x, y: box.y },
    { x: box.x + box.w, y: box.y },
    { x: box.x, y: box.y + box.h },
    { x: box.x + box.w, y: box.y + box.h },
  ];
  // A ring is curved: its notes keep their edges' middles inside, their corners may touch the line.
  const sample = zone.outline === 'ellipse' ? [points[0]!, ...midpoints(box)] : [...points, ...midpoints(box)];
  return sample.every((p) => geometry.zoneAt(p, zone.canvasId)?.shapeId === zone.shapeId);
}

/** The writing area of a zone: below its heading (or right of it, for a swimlane), inset by a gap. */
export function writingArea(zone: ZoneGeometry, scale: number): Box {
  const gap = NOTE_GAP_PX * scale;
  const { heading, box } = zone;
  const beside = heading.h >= box.h && heading.w < box.w;
  const left = beside ? heading.x + heading.w : box.x + gap;
  const top = beside ? box.y + gap : heading.y + heading.h + gap;
  return { x: left, y: top, w: box.x + box.w - gap - left, h: box.y + box.h - gap - top };
}

/** How many notes of the canvas's size an empty zone holds before its notes go to the débordement band. */
export function zoneCapacity(geometry: BoardGeometry, zone: ZoneGeometry): number {
  const placed: Box[] = [];
  for (;;) {
    const spot = freeSpot(geometry, zone, obstacles(geometry, zone.canvasId, false).concat(placed));
    if (!spot) return placed.length;
    placed.push(spot);
  }
}

function freeSpot(geometry: BoardGeometry, zone: ZoneGeometry, blocked: Box[]): Box | undefined {
  const scale = noteScaleOf(geometry, zone);
  const gap = NOTE_GAP_PX * scale;
  for (const slot of slots(writingArea(zone, scale), NOTE_SIDE_PX * scale, gap)) {
    if (!blocked.some((b) => boxesOverlap(slot, b, gap / 2 - 0.01)) && withinZone(geometry, zone, slot)) return slot;
  }
  return undefined;
}

const noteScaleOf = (geometry: BoardGeometry, zone: ZoneGeometry) =>
  geometry.canvases.find((c) => c.canvasId === zone.canvasId)?.noteScale ?? 1;

/** Where a new note goes in `zone`, or in its canvas's débordement band when the zone is full. */
export function placeNote(geometry: BoardGeometry, zone: ZoneGeometry): NoteSpot {
  const canvas = geometry.canvases.find((c) => c.canvasId === zone.canvasId);
  const scale = canvas?.noteScale ?? 1;
  const side = NOTE_SIDE_PX * scale;
  const gap = NOTE_GAP_PX * scale;
  const blocked = obstacles(geometry, zone.canvasId, true);
  const free = (slot: Box) => !blocked.some((b) => boxesOverlap(slot, b, gap / 2 - 0.01));
  const spot = freeSpot(geometry, zone, blocked);
  if (spot) return { x: spot.x, y: spot.y, scale, overflow: false };
  // The band grows downwards row by row (past the canvas's own band if need be): a spot is always found.
  const band = canvas?.overflow ?? { x: zone.box.x, y: zone.box.y + zone.box.h, w: zone.box.w, h: side + 2 * gap };
  for (let rows = 1; ; rows++) {
    const area = { x: band.x + gap, y: band.y + gap, w: Math.max(band.w - 2 * gap, side), h: rows * (side + gap) };
    for (const slot of slots(area, side, gap)) {
      if (!free(slot)) continue;
      const pastBand = slot.y + side > band.y + band.h;
      return { x: slot.x, y: slot.y, scale, overflow: true, ...(pastBand && canvas ? { canvasId: canvas.canvasId } : {}) };
    }
  }
}
