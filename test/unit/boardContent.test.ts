import { describe, expect, it } from 'vitest';
import type { BoardRecord } from '../../shared/boardLayout.js';
import { boardText, contributionsByZone, richTextToPlain } from '../../shared/boardContent.js';

const rich = (...paragraphs: string[]) => ({
  type: 'doc',
  content: paragraphs.map((text) => ({ type: 'paragraph', content: text ? [{ type: 'text', text }] : [] })),
});

const zone = (id: string, label: string, x: number, y: number, w: number, h: number, outline = 'rectangle'): BoardRecord => ({
  id: `shape:${id}`,
  typeName: 'shape',
  type: 'geo',
  parentId: 'page:page',
  x,
  y,
  props: { w, h, geo: outline, richText: rich(label) },
  meta: { trame: { role: 'zone', canvasId: 'c1', zoneId: id, label, outline } },
});

const note = (id: string, text: string, x: number, y: number, college = 'habitant', parentId = 'page:page'): BoardRecord => ({
  id: `shape:${id}`,
  typeName: 'shape',
  type: 'note',
  parentId,
  x,
  y,
  props: { richText: rich(text), scale: 1, growY: 0 },
  meta: { trame: { college, authorId: 'p1' } },
});

describe('reading contributions by zone', () => {
  it('turns rich text into plain lines', () => {
    expect(richTextToPlain(rich('Ligne 1', 'Ligne 2'))).toBe('Ligne 1\nLigne 2');
  });

  it('attributes each note to the zone containing its centre, the smallest one when zones nest', () => {
    const records = [
      zone('outer', 'Influence indirecte', 0, 0, 1000, 1000, 'ellipse'),
      zone('inner', 'Directement impliqués', 300, 300, 400, 400, 'ellipse'),
      zone('side', 'Absents du tour de table', 1200, 0, 400, 400),
      note('a', 'CCAS', 400, 400),
      note('b', 'Département', 50, 400, 'agent'),
      note('c', 'Les jeunes', 1300, 100, 'elu'),
      note('d', 'Hors canevas', 3000, 3000),
    ];
    const { zones, outside } = contributionsByZone(records);
    const byZone = Object.fromEntries(zones.map((z) => [z.zoneId, z.contributions.map((c) => c.text)]));
    expect(byZone).toEqual({ outer: ['Département'], inner: ['CCAS'], side: ['Les jeunes'] });
    expect(outside.map((c) => c.text)).toEqual(['Hors canevas']);
    expect(zones.find((z) => z.zoneId === 'side')?.contributions[0]).toMatchObject({ college: 'elu', authorId: 'p1' });
  });

  it('does not count a note whose centre is outside an ellipse but inside its bounding box', () => {
    const { zones } = contributionsByZone([zone('ring', 'Cercle', 0, 0, 1000, 1000, 'ellipse'), note('x', 'Coin', 0, 0)]);
    expect(zones[0]?.contributions).toEqual([]);
  });

  it('places notes inside a frame by their page position', () => {
    const frame: BoardRecord = { id: 'shape:f', typeName: 'shape', type: 'frame', parentId: 'page:page', x: 2000, y: 0, props: { w: 500, h: 500 } };
    const { zones } = contributionsByZone([frame, zone('z', 'Zone', 2000, 0, 500, 500), note('n', 'Dans le cadre', 100, 100, 'agent', 'shape:f')]);
    expect(zones[0]?.contributions.map((c) => c.text)).toEqual(['Dans le cadre']);
  });

  it('gathers every note text for search', () => {
    expect(boardText([note('a', 'Mobilité douce', 0, 0), zone('z', 'Zone', 0, 0, 10, 10)])).toBe('Mobilité douce');
  });
});
