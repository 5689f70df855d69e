import { describe, expect, it } from 'vitest';
import { canvasRecords } from '../../server/board/drawCanvases.js';
import { loadBuiltInTemplates } from '../../server/templates/loadBuiltInTemplates.js';
import { NOTE_SIDE_PX, boxesOverlap, readBoardGeometry, unionBox } from '../../shared/boardGeometry.js';
import type { BoardRecord } from '../../shared/boardLayout.js';
import { trameMeta } from '../../shared/boardLayout.js';

const templates = await loadBuiltInTemplates();
const SCREEN = { w: 1440, h: 900 };
const fitZoom = (box: { w: number; h: number }) => Math.min(SCREEN.w / box.w, SCREEN.h / box.h);
const draw = (n: number, existing: BoardRecord[] = []) =>
  canvasRecords(Array.from({ length: n }, (_, i) => templates[i % templates.length]!), existing).records as unknown as BoardRecord[];

describe('canvases on a board', () => {
  it.each(templates.map((t) => [t.id, t] as const))('%s is at most about 14 × 9 of its notes, so framed on 1440 × 900 its notes are over 80 px wide', (_id, template) => {
    const geometry = readBoardGeometry(canvasRecords([template]).records as unknown as BoardRecord[]);
    const canvas = geometry.canvases[0]!;
    const note = NOTE_SIDE_PX * canvas.noteScale;
    expect(canvas.box.w / note).toBeLessThanOrEqual(14);
    expect(canvas.box.h / note).toBeLessThanOrEqual(9.5);
    expect(note * fitZoom(canvas.box)).toBeGreaterThanOrEqual(90);
    // Zone labels are written no larger than a note's text.
    for (const shape of geometry.byId.values()) {
      if (trameMeta(shape)?.role !== 'zone') continue;
      expect((shape.props as { scale: number }).scale).toBeLessThanOrEqual(canvas.noteScale);
    }
  });

  it.each(Array.from({ length: 14 }, (_, i) => i + 1))('lays %i canvases in a grid in journey order, without overlap', (n) => {
    const drawn = draw(n);
    const { canvases } = readBoardGeometry(drawn);
    expect(canvases).toHaveLength(n);
    const journey = drawn.filter((r) => trameMeta(r)?.role === 'frame').map((r) => trameMeta(r)?.canvasId);
    expect(canvases.map((c) => c.canvasId)).toEqual(journey);
    for (const a of canvases) for (const b of canvases) if (a !== b) expect(boxesOverlap(a.box, b.box, 2 * NOTE_SIDE_PX)).toBe(false);
    const columns = new Set(canvases.map((c) => c.box.x)).size;
    expect(columns).toBe(Math.min(n, n <= 4 ? 2 : n <= 9 ? 3 : 4));
  });

  it('fits four canvases on a 1440 × 900 screen at zoom 0.1 or more', () => {
    const { canvases } = readBoardGeometry(draw(4));
    expect(fitZoom(unionBox(canvases.map((c) => c.box))!)).toBeGreaterThanOrEqual(0.1);
  });

  it('puts a canvas added live in the next free cell of the grid', () => {
    const three = draw(3);
    const before = readBoardGeometry(three).canvases;
    const after = readBoardGeometry([...three, ...draw(1, three)]).canvases;
    expect(after.slice(0, 3)).toEqual(before);
    expect(after[3]!.box.x).toBe(before[1]!.box.x);
    expect(after[3]!.box.y).toBe(before[2]!.box.y);
  });

  it('adds canvases to a board laid out before the grid without covering its canvases', () => {
    // Before the grid, canvases sat in one row, 10,000 px wide each.
    const wide: BoardRecord[] = draw(2).map((r) =>
      trameMeta(r)?.role === 'frame' ? { ...r, props: { ...(r.props as object), w: 10_000 } } : r,
    );
    const added = readBoardGeometry([...wide, ...draw(1, wide)]).canvases;
    expect(added).toHaveLength(3);
    for (const old of added.slice(0, 2)) expect(boxesOverlap(old.box, added[2]!.box)).toBe(false);
  });
});
