import { describe, expect, it } from 'vitest';
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

  it('lays several canvases out left to right without overlap', async () => {
    const ids = ['afom-du-territoire', 'arbre-a-problemes', 'matrice-impact-faisabilite'];
    const session = await createSession(env.t.url, { title: 'Parcours complet', templateIds: ids });
    const client = connectYjsClient(env.t.wsUrl, session.id, { token: session.access.token });
    try {
      await whenSynced(client);
      const frames = shapesOf(client.records.values())
        .filter((s) => trameMeta(s)?.role === 'frame')
        .map((s) => ({ x: s.x as number, right: (s.x as number) + (s.props as { w: number }).w, templateId: trameMeta(s)?.templateId }))
        .sort((a, b) => a.x - b.x);
      expect(frames.map((f) => f.templateId)).toEqual(ids);
      for (let i = 1; i < frames.length; i++) expect(frames[i]!.x).toBeGreaterThan(frames[i - 1]!.right);
    } finally {
      client.destroy();
    }
  });
});
