/**
 * Templates whose zones form a grid — the grille de caractérisation: each
 * criterion a zone holding one zone per level (« À construire », « Affirmé »…)
 * — read as anonymous zones in a list. They are printed as a table instead:
 * criteria as rows, levels as columns, notes in their cells.
 */
import type { ZoneGeometry as ZoneShape } from '../../shared/boardGeometry.js';
import type { ReportContribution, ReportGrid } from '../../shared/reportData.js';

const inside = (inner: ZoneShape, outer: ZoneShape) =>
  inner !== outer &&
  inner.box.x >= outer.box.x &&
  inner.box.y >= outer.box.y &&
  inner.box.x + inner.box.w <= outer.box.x + outer.box.w &&
  inner.box.y + inner.box.h <= outer.box.y + outer.box.h;

const area = (z: ZoneShape) => z.box.w * z.box.h;
const readingOrder = (a: ZoneShape, b: ZoneShape) => a.box.y - b.box.y || a.box.x - b.box.x;

/** The grid of a canvas's zones and the zones it covers, or null when its zones form none. */
export function zoneGrid(
  zones: ZoneShape[],
  contributionsOf: (shapeId: string) => ReportContribution[],
): { grid: ReportGrid; shapeIds: Set<string> } | null {
  const parentOf = new Map<ZoneShape, ZoneShape | undefined>(
    zones.map((z) => [z, zones.filter((o) => inside(z, o)).sort((a, b) => area(a) - area(b))[0]]),
  );
  const childrenOf = new Map<ZoneShape, ZoneShape[]>();
  for (const [child, parent] of parentOf) if (parent) childrenOf.set(parent, [...(childrenOf.get(parent) ?? []), child]);
  // Rows are zones whose children carry the same labels in the same order; the most common such set wins.
  const bySignature = new Map<string, ZoneShape[]>();
  for (const [parent, children] of childrenOf) {
    if (children.length < 2) continue;
    const signature = children.sort(readingOrder).map((c) => c.label).join('\u0000');
    bySignature.set(signature, [...(bySignature.get(signature) ?? []), parent]);
  }
  const [signature, rows] = [...bySignature.entries()].sort((a, b) => b[1].length - a[1].length)[0] ?? [];
  if (!signature || !rows || rows.length < 2) return null;
  const columns = signature.split('\u0000');
  const shapeIds = new Set<string>();
  const groups = new Map<ZoneShape | undefined, ReportGrid['groups'][number]>();
  for (const row of [...rows].sort(readingOrder).sort((a, b) => readingOrder(parentOf.get(a) ?? a, parentOf.get(b) ?? b))) {
    const group = parentOf.get(row);
    // A note put on a criterion or a group but in no level stays in the zone list, so none is lost.
    for (const z of [group, row]) if (z && contributionsOf(z.shapeId).length === 0) shapeIds.add(z.shapeId);
    const children = childrenOf.get(row)!;
    for (const c of children) shapeIds.add(c.shapeId);
    const entry = groups.get(group) ?? { label: group?.label ?? null, rows: [] };
    groups.set(group, entry);
    entry.rows.push({ label: row.label, cells: children.map((c) => contributionsOf(c.shapeId)) });
  }
  return { grid: { columns, groups: [...groups.values()] }, shapeIds };
}
