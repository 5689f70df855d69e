import { describe, expect, it } from 'vitest';
import type { BoardRecord } from '../../shared/boardLayout.js';
import { canvasRecords } from '../../server/board/drawCanvases.js';
import { scaffoldingToCanvas } from '../../server/board/scaffoldingToCanvas.js';
import { loadBuiltInTemplates } from '../../server/templates/loadBuiltInTemplates.js';

const templates = await loadBuiltInTemplates();

describe('reading canvas scaffolding back into template elements', () => {
  it.each(templates.map((t) => [t.id, t] as const))('gives back the elements %s was drawn from', (_id, template) => {
    // Drawn second, so that the canvas does not start at the page origin.
    const { records, canvases } = canvasRecords([templates[0]!, template]);
    const canvas = scaffoldingToCanvas(records as unknown as BoardRecord[], [canvases[1]!.canvasId]);
    expect(canvas?.templateIds).toEqual([template.id]);
    const minX = Math.min(...template.canvas.elements.map((e) => (e.kind === 'arrow' ? Math.min(e.from[0], e.to[0]) : e.x)));
    const minY = Math.min(...template.canvas.elements.map((e) => (e.kind === 'arrow' ? Math.min(e.from[1], e.to[1]) : e.y)));
    const expected = template.canvas.elements.map((e) =>
      e.kind === 'arrow'
        ? { ...e, from: [e.from[0] - minX, e.from[1] - minY], to: [e.to[0] - minX, e.to[1] - minY] }
        : { ...e, x: e.x - minX, y: e.y - minY },
    );
    const round = (els: unknown) => JSON.parse(JSON.stringify(els, (_k, v) => (typeof v === 'number' ? Math.round(v * 10) / 10 : v)));
    expect(round(canvas?.elements)).toEqual(round(expected));
  });

  it('keeps zone ids unique when the same template is on the board twice', () => {
    const afom = templates.find((t) => t.id === 'afom-du-territoire')!;
    const { records } = canvasRecords([afom, afom]);
    const canvas = scaffoldingToCanvas(records as unknown as BoardRecord[]);
    const ids = canvas!.elements.flatMap((e) => (e.kind === 'zone' ? [e.id] : []));
    expect(ids).toContain('atouts');
    expect(ids).toContain('atouts-2');
    expect(new Set(ids).size).toBe(ids.length);
  });
});
