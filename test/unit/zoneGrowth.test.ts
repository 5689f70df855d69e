import { describe, expect, it } from 'vitest';
import { canvasRecords } from '../../server/board/drawCanvases.js';
import { loadBuiltInTemplates } from '../../server/templates/loadBuiltInTemplates.js';
import { boxesOverlap, readBoardGeometry, type Box } from '../../shared/boardGeometry.js';
import type { BoardRecord } from '../../shared/boardLayout.js';
import { placeNote } from '../../shared/notePlacement.js';
import { growZone } from '../../shared/zoneGrowth.js';

const templates = await loadBuiltInTemplates();
const FOUR = ['carte-des-acteurs', 'afom-du-territoire', 'parcours-usager', 'grille-innovation-sociale'];

const inside = (inner: Box, outer: Box) =>
  inner.x >= outer.x - 0.01 && inner.y >= outer.y - 0.01 && inner.x + inner.w <= outer.x + outer.w + 0.01 && inner.y + inner.h <= outer.y + outer.h + 0.01;

/** Adds a note from the list view as a phone does: grow the zone when it is full, then place. */
function addIdea(board: Map<string, BoardRecord>, zoneShapeId: string, n: number): { grown: boolean; overflow: boolean } {
  let geometry = readBoardGeometry(board.values());
  let zone = geometry.zones.find((z) => z.shapeId === zoneShapeId)!;
  const growth = growZone(geometry, zone);
  if (growth.ok) for (const record of growth.records) board.set(record.id, record);
  geometry = readBoardGeometry(board.values());
  zone = geometry.zones.find((z) => z.shapeId === zoneShapeId)!;
  const spot = placeNote(geometry, zone);
  const id = `shape:idee-${n}`;
  board.set(id, { id, typeName: 'shape', type: 'note', parentId: 'page:page', x: spot.x, y: spot.y, props: { scale: spot.scale, growY: 0 }, meta: {} });
  return { grown: growth.ok, overflow: spot.overflow };
}

function boardOf(ids: string[]): Map<string, BoardRecord> {
  const chosen = ids.map((id) => templates.find((t) => t.id === id)!);
  return new Map((canvasRecords(chosen).records as unknown as BoardRecord[]).map((r) => [r.id, r]));
}

describe('a full zone grows', () => {
  it('takes twenty ideas in one AFOM quadrant by growing row by row: none in the débordement band, none overlapping, the quadrants below and the canvas under it pushed down, the quadrant beside grown alike', () => {
    const board = boardOf(FOUR);
    const before = readBoardGeometry(board.values());
    const afom = before.canvases.find((c) => c.title === 'AFOM du territoire')!;
    const zone = (g: typeof before, id: string) => g.zones.find((z) => z.canvasId === afom.canvasId && z.zoneId === id)!;
    const atouts = zone(before, 'atouts');
    const below = before.canvases.filter((c) => c.box.y > afom.box.y + afom.box.h && c.box.x === afom.box.x);
    const beside = before.canvases.filter((c) => c.box.y === afom.box.y && c.canvasId !== afom.canvasId);

    let grown = 0;
    for (let n = 0; n < 20; n++) {
      const added = addIdea(board, atouts.shapeId, n);
      expect(added.overflow, `idea ${n}`).toBe(false);
      if (added.grown) grown += 1;
    }
    const after = readBoardGeometry(board.values());
    const notes = [...board.values()].filter((r) => r.id.startsWith('shape:idee-')).map(after.boxOf);
    const grownAtouts = zone(after, 'atouts');
    for (const box of notes) {
      expect(inside(box, grownAtouts.box)).toBe(true);
      expect(boxesOverlap(box, grownAtouts.heading)).toBe(false);
      expect(notes.filter((other) => other !== box && boxesOverlap(other, box))).toEqual([]);
    }
    expect(grown).toBeGreaterThan(0);
    const rows = grownAtouts.box.h - atouts.box.h;
    expect(rows).toBeGreaterThan(0);
    // The row keeps its grid: Faiblesses grew alike; Opportunités and the enjeux moved down by as much.
    expect(zone(after, 'faiblesses').box.h - zone(before, 'faiblesses').box.h).toBeCloseTo(rows);
    expect(zone(after, 'opportunites').box.y - zone(before, 'opportunites').box.y).toBeCloseTo(rows);
    expect(zone(after, 'enjeux').box.y - zone(before, 'enjeux').box.y).toBeCloseTo(rows);
    expect(after.canvases.find((c) => c.canvasId === afom.canvasId)!.box.h - afom.box.h).toBeCloseTo(rows);
    // The canvas under the AFOM in its column moved by as much; canvases of the other column did not.
    for (const c of below) expect(after.canvases.find((x) => x.canvasId === c.canvasId)!.box.y - c.box.y).toBeCloseTo(rows);
    for (const c of beside) expect(after.canvases.find((x) => x.canvasId === c.canvasId)!.box).toEqual(c.box);
    // No two canvases overlap after growing.
    for (const a of after.canvases) for (const b of after.canvases) if (a !== b) expect(boxesOverlap(a.box, b.box)).toBe(false);
  });

  it('does not grow a zone with room left', () => {
    const board = boardOf(['afom-du-territoire']);
    const geometry = readBoardGeometry(board.values());
    expect(growZone(geometry, geometry.zones.find((z) => z.zoneId === 'menaces')!)).toEqual({ ok: false, reason: 'not-full' });
  });

  it('stops growing a canvas at twice its readable height: the next ideas go to the débordement band', () => {
    const board = boardOf(['afom-du-territoire']);
    const zoneId = readBoardGeometry(board.values()).zones.find((z) => z.zoneId === 'atouts')!.shapeId;
    let last = { grown: true, overflow: false };
    for (let n = 0; n < 200 && !last.overflow; n++) last = addIdea(board, zoneId, n);
    expect(last).toEqual({ grown: false, overflow: true });
    const geometry = readBoardGeometry(board.values());
    expect(growZone(geometry, geometry.zones.find((z) => z.shapeId === zoneId)!)).toEqual({ ok: false, reason: 'too-tall' });
  });

  it.each(templates.map((t) => [t.id, t] as const))('grows every zone of %s meant for notes that fills, keeping ideas inside it', (_id, template) => {
    const board = boardOf([template.id]);
    const zoneIds = readBoardGeometry(board.values()).zones.map((z) => z.shapeId);
    let n = 0;
    for (const zoneId of zoneIds) {
      for (let i = 0; i < 6; i++) {
        const { overflow } = addIdea(board, zoneId, (n += 1));
        if (overflow) break;
        const geometry = readBoardGeometry(board.values());
        const zone = geometry.zones.find((z) => z.shapeId === zoneId)!;
        const box = geometry.boxOf(board.get(`shape:idee-${n}`)!);
        expect(inside(box, zone.box), `${template.id} ${zone.label} #${i}`).toBe(true);
      }
    }
    const geometry = readBoardGeometry(board.values());
    const notes = [...board.values()].filter((r) => r.id.startsWith('shape:idee-')).map(geometry.boxOf);
    for (const box of notes) expect(notes.filter((other) => other !== box && boxesOverlap(other, box))).toEqual([]);
  });
});
