import { describe, expect, it } from 'vitest';
import { canvasRecords } from '../../server/board/drawCanvases.js';
import { loadBuiltInTemplates } from '../../server/templates/loadBuiltInTemplates.js';
import { boxesOverlap, readBoardGeometry, type Box } from '../../shared/boardGeometry.js';
import type { BoardRecord } from '../../shared/boardLayout.js';
import { placeNote, zoneCapacity } from '../../shared/notePlacement.js';

const templates = await loadBuiltInTemplates();

const note = (n: number, spot: { x: number; y: number; scale: number; canvasId?: string }): BoardRecord => ({
  id: `shape:idee-${n}`,
  typeName: 'shape',
  type: 'note',
  parentId: 'page:page',
  x: spot.x,
  y: spot.y,
  props: { scale: spot.scale, growY: 0 },
  meta: spot.canvasId ? { trame: { canvasId: spot.canvasId } } : {},
});

const inside = (inner: Box, outer: Box) =>
  inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.w <= outer.x + outer.w && inner.y + inner.h <= outer.y + outer.h;

/** Zones that hold no note by design: the centres of the actors map and the persona, the grille's criterion cards (their levels do). */
const NOT_FOR_NOTES = new Set(['sujet', 'persona', ...['finalite-sociale', 'aspiration-sociale', 'ancrage-territorial', 'gouvernance', 'modele-economique', 'accessibilite', 'logique-service', 'impacts-directs', 'changement-social']]);

describe('zones keep room for notes', () => {
  it.each(templates.map((t) => [t.id, t] as const))('every zone of %s meant for notes holds at least one below its heading', (_id, template) => {
    const geometry = readBoardGeometry(canvasRecords([template]).records as unknown as BoardRecord[]);
    const empty = geometry.zones.filter((z) => zoneCapacity(geometry, z) === 0).map((z) => z.zoneId);
    expect(empty.filter((id) => !NOT_FOR_NOTES.has(id))).toEqual([]);
  });

  it("gives each quadrant of the AFOM room for three of its larger notes and its enjeux for seven, before they grow", () => {
    const afom = templates.find((t) => t.id === 'afom-du-territoire')!;
    const geometry = readBoardGeometry(canvasRecords([afom]).records as unknown as BoardRecord[]);
    const capacity = Object.fromEntries(geometry.zones.map((z) => [z.zoneId, zoneCapacity(geometry, z)]));
    expect(geometry.canvases[0]!.noteScale).toBe(1.25);
    expect(capacity).toMatchObject({ atouts: 3, faiblesses: 3, opportunites: 3, menaces: 3 });
    expect(capacity.enjeux).toBeGreaterThanOrEqual(7);
  });
});

describe('notes added from the list view', () => {
  it.each(templates.map((t) => [t.id, t] as const))('land in %s below the heading of their zone, on no other note, then in the débordement band', (_id, template) => {
    const { records } = canvasRecords([template]);
    const board = [...(records as unknown as BoardRecord[])];
    const zoneIds = readBoardGeometry(board).zones.map((z) => z.shapeId);
    let n = 0;
    for (const zoneId of zoneIds) {
      for (let i = 0; i < 8; i++) {
        const geometry = readBoardGeometry(board);
        const zone = geometry.zones.find((z) => z.shapeId === zoneId)!;
        const spot = placeNote(geometry, zone);
        const added = note((n += 1), spot);
        const box = geometry.boxOf(added);
        const others = [...geometry.byId.values()].filter((r) => r.type === 'note').map(geometry.boxOf);
        expect(others.some((o) => boxesOverlap(o, box)), `${zone.label} #${i}`).toBe(false);
        expect(geometry.zones.filter((z) => z.canvasId === zone.canvasId).some((z) => boxesOverlap(z.heading, box)), `${zone.label} #${i}`).toBe(false);
        board.push(added);
        const after = readBoardGeometry(board);
        expect(after.canvasOf(added)).toBe(zone.canvasId);
        if (!spot.overflow) {
          expect(inside(box, zone.box), `${zone.label} #${i}`).toBe(true);
          expect(after.zoneAt({ x: box.x + box.w / 2, y: box.y + box.h / 2 }, zone.canvasId)?.shapeId).toBe(zone.shapeId);
        }
      }
    }
  });
});
