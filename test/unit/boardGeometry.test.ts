import { describe, expect, it } from 'vitest';
import { canvasRecords } from '../../server/board/drawCanvases.js';
import { boardCanvases } from '../../server/export/boardCanvases.js';
import { loadBuiltInTemplates } from '../../server/templates/loadBuiltInTemplates.js';
import { contributionsByZone } from '../../shared/boardContent.js';
import { boxCentre, inReadingOrder, readBoardGeometry, type Box } from '../../shared/boardGeometry.js';
import type { BoardRecord } from '../../shared/boardLayout.js';
import { noteIsOnCanvas } from '../../shared/noteGeometry.js';

const templates = await loadBuiltInTemplates();

const note = (id: string, x: number, y: number, scale = 1): BoardRecord => ({
  id: `shape:${id}`,
  typeName: 'shape',
  type: 'note',
  parentId: 'page:page',
  x,
  y,
  props: { scale, growY: 0, richText: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: id }] }] } },
  meta: {},
});

/** Notes at every zone's centre, on every canvas's edges and corners, in the débordement band and far away. */
function probes(drawn: BoardRecord[]): BoardRecord[] {
  const geometry = readBoardGeometry(drawn);
  const at = (id: string, p: { x: number; y: number }) => note(id, p.x - 100, p.y - 100);
  const edges = (id: string, b: Box) => [
    at(`${id}-tl`, { x: b.x + 1, y: b.y + 1 }),
    at(`${id}-br`, { x: b.x + b.w - 1, y: b.y + b.h - 1 }),
    at(`${id}-out`, { x: b.x - 150, y: b.y + b.h / 2 }),
    at(`${id}-below`, { x: b.x + b.w / 2, y: b.y + b.h + 150 }),
  ];
  return [
    ...geometry.zones.map((z) => at(`zone-${z.shapeId}`, boxCentre(z.box))),
    ...geometry.canvases.flatMap((c) => edges(c.canvasId, c.box)),
    note('far', -100_000, -100_000),
  ];
}

describe('the board has one geometry', () => {
  it.each(templates.map((t) => [t.id, t] as const))('the vote and the report agree on which canvas each note of %s is on', (_id, template) => {
    const other = templates.find((t) => t.id !== template.id)!;
    const { records } = canvasRecords([template, other, template]);
    const drawn = records as unknown as BoardRecord[];
    const board = [...drawn, ...probes(drawn)];
    const canvases = boardCanvases(board, 'Atelier');
    expect(canvases).toHaveLength(3);
    const { zones } = contributionsByZone(board);
    for (const probe of board.filter((r) => r.type === 'note' && !(r.meta as { trame?: unknown }).trame)) {
      const inReport = canvases.filter((c) => c.shapeIds.includes(probe.id)).map((c) => c.canvasId);
      const inVote = canvases.filter((c) => noteIsOnCanvas(board, probe, c.canvasId)).map((c) => c.canvasId);
      const inZone = zones.filter((z) => z.contributions.some((n) => n.id === probe.id)).map((z) => z.canvasId);
      expect(inVote, probe.id).toEqual(inReport);
      expect(inReport.length, probe.id).toBeLessThanOrEqual(1);
      if (inZone.length > 0) expect(inZone, probe.id).toEqual(inReport);
    }
  });

  it('counts a note at a zone centre in that zone, and a note in the inner ring in the inner ring only', () => {
    const actors = templates.find((t) => t.id === 'carte-des-acteurs')!;
    const { records } = canvasRecords([actors]);
    const drawn = records as unknown as BoardRecord[];
    const geometry = readBoardGeometry(drawn);
    for (const zone of geometry.zones) {
      const centre = boxCentre(zone.box);
      const smallest = geometry.zones.filter((z) => geometry.zoneAt(centre)?.shapeId === z.shapeId);
      expect(smallest).toHaveLength(1);
    }
    const inner = [...geometry.zones].sort((a, b) => a.box.w - b.box.w)[0]!;
    const { zones } = contributionsByZone([...drawn, note('dedans', boxCentre(inner.box).x - 100, boxCentre(inner.box).y - 100)]);
    expect(zones.filter((z) => z.contributions.length > 0).map((z) => z.shapeId)).toEqual([inner.shapeId]);
  });

  it('reads the zones of each canvas in its own reading order, canvases in board order', () => {
    const ids = ['carte-des-acteurs', 'afom-du-territoire', 'parcours-usager', 'grille-innovation-sociale'];
    const { records } = canvasRecords(ids.map((id) => templates.find((t) => t.id === id)!));
    const geometry = readBoardGeometry(records as unknown as BoardRecord[]);
    const afom = geometry.canvases[1]!.canvasId;
    expect(geometry.zones.filter((z) => z.canvasId === afom).map((z) => z.zoneId)).toEqual(['atouts', 'faiblesses', 'opportunites', 'menaces', 'enjeux']);
    expect([...new Set(geometry.zones.map((z) => z.canvasId))]).toEqual(geometry.canvases.map((c) => c.canvasId));
  });

  it('reads items top-left to bottom-right, row by row, a container before what it holds', () => {
    const item = (id: string, x: number, y: number, w = 100, h = 100) => ({ id, box: { x, y, w, h } });
    const order = inReadingOrder([
      item('bas-droite', 200, 200),
      item('haut-droite', 200, 10),
      item('haut-gauche', 0, 0),
      item('bas-gauche', 0, 210),
      item('cadre', 0, 400, 400, 400),
      item('dans-le-cadre', 10, 450),
    ]);
    expect(order.map((i) => i.id)).toEqual(['haut-gauche', 'haut-droite', 'bas-gauche', 'bas-droite', 'cadre', 'dans-le-cadre']);
  });

  it('sizes notes by their scale and places children of frames by their parent', () => {
    const frame: BoardRecord = { id: 'shape:f', typeName: 'shape', type: 'frame', parentId: 'page:page', x: 1000, y: 500, props: { w: 800, h: 600 }, meta: {} };
    const child = { ...note('enfant', 10, 20, 1.5), parentId: 'shape:f' };
    const geometry = readBoardGeometry([frame, child]);
    expect(geometry.boxOf(child)).toEqual({ x: 1010, y: 520, w: 300, h: 300 });
  });
});
