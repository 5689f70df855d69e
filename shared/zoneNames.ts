/**
 * Names of zones as people read them in lists: the zone's label, and when a
 * canvas has several zones with the same label (the grille's nine « À
 * construire »), the label of the zone that holds it or of the row it is
 * on: « Finalité sociale — À construire ».
 */
import { boxCentre, boxContains, type BoardGeometry, type ZoneGeometry } from './boardGeometry.js';
import { isShapeRecord, trameMeta } from './boardLayout.js';

/** The text labels (row and column headers) of a canvas, with their boxes. */
function headers(geometry: BoardGeometry, canvasId: string) {
  return [...geometry.byId.values()]
    .filter((r) => isShapeRecord(r) && trameMeta(r)?.role === 'label' && trameMeta(r)?.canvasId === canvasId)
    .map((r) => ({ text: (trameMeta(r)?.label ?? '').split('\n')[0] ?? '', box: geometry.boxOf(r) }));
}

function context(geometry: BoardGeometry, zone: ZoneGeometry): string | undefined {
  const centre = boxCentre(zone.box);
  const parent = geometry.zones
    .filter((z) => z !== zone && z.canvasId === zone.canvasId && z.box.w * z.box.h > zone.box.w * zone.box.h)
    .filter((z) => boxContains(z.box, centre) && z.label !== zone.label)
    .sort((a, b) => a.box.w * a.box.h - b.box.w * b.box.h)[0];
  if (parent) return parent.label;
  // The row header: the nearest label on the zone's left whose band crosses the zone's middle.
  const row = headers(geometry, zone.canvasId)
    .filter((h) => h.box.x + h.box.w <= zone.box.x + 1 && h.box.y <= centre.y && h.box.y + Math.max(h.box.h, 1) >= zone.box.y)
    .sort((a, b) => b.box.x - a.box.x)[0];
  return row?.text || undefined;
}

/** Every zone's name for lists, by zone shape id. */
export function zoneNames(geometry: BoardGeometry): Map<string, string> {
  const names = new Map<string, string>();
  const count = new Map<string, number>();
  for (const z of geometry.zones) count.set(`${z.canvasId}\u0000${z.label}`, (count.get(`${z.canvasId}\u0000${z.label}`) ?? 0) + 1);
  const seen = new Map<string, number>();
  for (const zone of geometry.zones) {
    const key = `${zone.canvasId}\u0000${zone.label}`;
    if ((count.get(key) ?? 0) < 2) {
      names.set(zone.shapeId, zone.label);
      continue;
    }
    const where = context(geometry, zone);
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    names.set(zone.shapeId, where ? `${where} — ${zone.label}` : `${zone.label} (${n})`);
  }
  return names;
}
