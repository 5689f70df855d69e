import { describe, expect, it } from 'vitest';
import { boxesOverlap, readBoardGeometry } from '../../shared/boardGeometry.js';
import { trameMeta, type BoardRecord } from '../../shared/boardLayout.js';
import type { ZoneElement } from '../../shared/templateSchema.js';
import { loadBuiltInTemplates } from '../../server/templates/loadBuiltInTemplates.js';
import { createSession } from '../helpers/api.js';
import { connectYjsClient, whenSynced } from '../helpers/yjsClient.js';
import { serverPerFile } from '../helpers/serverPerFile.js';

const templates = await loadBuiltInTemplates();

function shapesOf(records: Iterable<BoardRecord>) {
  return [...records].filter((r) => r.typeName === 'shape');
}

describe('a session created with a template has its canvas on the board before any browser opens it', () => {
  const env = serverPerFile();

  it.each(templates.map((tpl) => [tpl.id, tpl] as const))('draws %s as locked, labelled zones', async (id, template) => {
    const session = await createSession(env.t.url, { title: `Atelier ${id}`, templateIds: [id] });
    expect(session.templateIds).toEqual([id]);
    expect(session.steps.map((s) => s.title)).toEqual(template.steps.map((s) => s.title));

    const client = connectYjsClient(env.t.wsUrl, session.id, { token: session.access.token });
    try {
      await whenSynced(client);
      const shapes = shapesOf(client.records.values());
      const zones = shapes.filter((s) => trameMeta(s)?.role === 'zone');
      const expected = template.canvas.elements.filter((e): e is ZoneElement => e.kind === 'zone');
      expect(zones.map((z) => [trameMeta(z)?.zoneId, trameMeta(z)?.label]).sort()).toEqual(
        expected.map((z) => [z.id, z.label]).sort(),
      );
      for (const zone of zones) {
        const meta = trameMeta(zone)!;
        const source = expected.find((z) => z.id === meta.zoneId)!;
        expect(zone).toMatchObject({ type: 'geo', isLocked: true, props: { w: source.w * 100, h: source.h * 100, geo: source.outline } });
        expect(meta).toMatchObject({ templateId: id, outline: source.outline });
      }
      expect(shapes).toHaveLength(template.canvas.elements.length + 3);
      expect(shapes.every((s) => s.isLocked === true && trameMeta(s)?.canvasId === session.steps[0]!.canvasId)).toBe(true);
      expect(shapes.filter((s) => trameMeta(s)?.role === 'title').map((s) => trameMeta(s)?.label)).toEqual([template.title]);
      expect(shapes.filter((s) => trameMeta(s)?.role === 'instructions')).toHaveLength(1);
    } finally {
      client.destroy();
    }
  });

  it('lays several canvases out in a grid, in journey order, without overlap', async () => {
    const ids = ['afom-du-territoire', 'arbre-a-problemes', 'matrice-impact-faisabilite'];
    const session = await createSession(env.t.url, { title: 'Parcours complet', templateIds: ids });
    const client = connectYjsClient(env.t.wsUrl, session.id, { token: session.access.token });
    try {
      await whenSynced(client);
      const canvases = readBoardGeometry(client.records.values()).canvases;
      const templateOf = (canvasId: string) =>
        shapesOf(client.records.values()).find((s) => trameMeta(s)?.canvasId === canvasId && trameMeta(s)?.role === 'frame');
      expect(canvases.map((c) => trameMeta(templateOf(c.canvasId)!)?.templateId)).toEqual(ids);
      // Two columns: the third canvas starts a second row.
      expect(canvases[1]!.box.y).toBe(canvases[0]!.box.y);
      expect(canvases[2]!.box.x).toBe(canvases[0]!.box.x);
      expect(canvases[2]!.box.y).toBeGreaterThan(canvases[0]!.box.y + canvases[0]!.box.h);
      for (const a of canvases) for (const b of canvases) if (a !== b) expect(boxesOverlap(a.box, b.box)).toBe(false);
    } finally {
      client.destroy();
    }
  });
});
