/**
 * Close-ups: the parts of a canvas where people wrote, drawn at a scale where
 * a note's text reads (shared/reportPaper.ts). Each zone's notes are grouped
 * in clusters of neighbours no larger than one page; a note far from the
 * others gets its own close-up instead of stretching one over empty space.
 */
import { unionBox, type Box } from '../../shared/boardGeometry.js';
import type { CloseUp } from '../../shared/reportData.js';

const union = (boxes: Box[]): Box => unionBox(boxes)!;

/** Notes closer than this join the same cluster (a little more than a note's width). */
const NEIGHBOUR_PX = 260;
const PAD_PX = 30;

const near = (a: Box, b: Box) =>
  a.x - NEIGHBOUR_PX < b.x + b.w && b.x - NEIGHBOUR_PX < a.x + a.w && a.y - NEIGHBOUR_PX < b.y + b.h && b.y - NEIGHBOUR_PX < a.y + a.h;

/** Notes in clusters of at most `max` (padding included), reading order: top to bottom, left to right. */
export function clusterNotes(boxes: Box[], max: { w: number; h: number }): Box[] {
  const fits = (b: Box) => b.w + 2 * PAD_PX <= max.w && b.h + 2 * PAD_PX <= max.h;
  const clusters: Box[] = [];
  const ordered = [...boxes].sort((a, b) => a.y - b.y || a.x - b.x);
  for (const box of ordered) {
    const i = clusters.findIndex((c) => near(c, box) && fits(union([c, box])));
    if (i === -1) clusters.push(box);
    else clusters[i] = union([clusters[i]!, box]);
  }
  return clusters
    .map((c) => ({ x: c.x - PAD_PX, y: c.y - PAD_PX, w: c.w + 2 * PAD_PX, h: c.h + 2 * PAD_PX }))
    .sort((a, b) => a.y - b.y || a.x - b.x);
}

/**
 * Close-ups of each group (a zone, or the notes outside every zone), captioned
 * with its name: the whole zone when it fits a page at the close-up scale (its
 * notes keep their place in it), otherwise one per cluster of its notes.
 */
export function closeUps(groups: { caption: string; zone: Box | null; boxes: Box[] }[], max: { w: number; h: number }): CloseUp[] {
  return groups.flatMap(({ caption, zone, boxes }) => {
    if (boxes.length === 0) return [];
    const whole = zone ? union([zone, ...boxes]) : null;
    if (whole && whole.w + 2 * PAD_PX <= max.w && whole.h + 2 * PAD_PX <= max.h) {
      return [{ caption, region: { x: whole.x - PAD_PX, y: whole.y - PAD_PX, w: whole.w + 2 * PAD_PX, h: whole.h + 2 * PAD_PX } }];
    }
    const regions = clusterNotes(boxes, max);
    return regions.map((region, i) => ({ caption: regions.length > 1 ? `${caption} (${i + 1}/${regions.length})` : caption, region }));
  });
}
