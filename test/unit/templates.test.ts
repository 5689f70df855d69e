import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PHASE_IDS } from '../../shared/taxonomy.js';
import { templateSchema, type Template } from '../../shared/templateSchema.js';
import { BUILT_IN_TEMPLATES_DIR, loadBuiltInTemplates } from '../../server/templates/loadBuiltInTemplates.js';

const files = readdirSync(BUILT_IN_TEMPLATES_DIR).filter((f) => f.endsWith('.json'));
const parsed = files.map((file) => ({
  file,
  result: templateSchema.safeParse(JSON.parse(readFileSync(path.join(BUILT_IN_TEMPLATES_DIR, file), 'utf8'))),
}));
const templates = parsed.flatMap(({ result }) => (result.success ? [result.data] : []));

describe('built-in templates', () => {
  it.each(parsed.map((p) => [p.file, p.result] as const))('validates %s against the shared schema', (_file, result) => {
    const problems = result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(problems).toEqual([]);
  });

  it('ships the fourteen canvases of the brief, with unique ids named like their files', () => {
    expect(files).toHaveLength(14);
    const ids = templates.map((t) => t.id);
    expect(new Set(ids).size).toBe(14);
    for (const [i, file] of files.entries()) expect(file).toBe(`${String(i + 1).padStart(2, '0')}-${ids[i]}.json`);
  });

  it('covers the journey in order: seven diagnostic, three ideation, two projet, two evaluation', () => {
    expect(templates.map((t) => t.phase)).toEqual([
      ...Array(7).fill('diagnostic'),
      ...Array(3).fill('ideation'),
      ...Array(2).fill('projet'),
      ...Array(2).fill('evaluation'),
    ]);
    expect(PHASE_IDS).toEqual(['diagnostic', 'ideation', 'projet', 'evaluation']);
  });

  it.each(templates.map((t) => [t.id, t] as const))('gives %s a déroulé, contributors and a credited inspiration', (_id, t: Template) => {
    expect(t.steps.length).toBeGreaterThanOrEqual(3);
    expect(t.steps.every((s) => s.minutes > 0 && s.instruction.length > 20)).toBe(true);
    const total = t.steps.reduce((sum, s) => sum + s.minutes, 0);
    expect(total).toBeGreaterThanOrEqual(t.durationMinutes.min * 0.8);
    expect(total).toBeLessThanOrEqual(t.durationMinutes.max * 1.2);
    expect(t.contributors.length).toBeGreaterThan(0);
    expect(t.inspiration?.credit).toMatch(/Inspiré/);
  });

  it('loads the same templates the server serves, in journey order', async () => {
    const loaded = await loadBuiltInTemplates();
    expect(loaded.map((t) => t.id)).toEqual(templates.map((t) => t.id));
  });
});

describe('template schema', () => {
  const valid = templates[0]!;

  it('names every faulty field of a malformed template, in French', () => {
    const broken = structuredClone(valid) as Record<string, unknown> & { canvas: { elements: Record<string, unknown>[] } };
    delete broken.title;
    broken.phase = 'brainstorm';
    broken.canvas.elements[0]!.w = -4;
    const result = templateSchema.safeParse(broken);
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['title', 'phase', 'canvas.elements.0.w']));
    expect(result.error!.issues.find((i) => i.path.join('.') === 'title')?.message).toBe('Ce champ est obligatoire.');
  });

  it('answers in French wherever the fault is', () => {
    const broken = structuredClone(valid) as Record<string, unknown>;
    broken.durationMinutes = { min: 2, max: 60 };
    broken.steps = 'aucune';
    broken.inspiration = { credit: 'x', sources: ['pas une adresse'] };
    const issues = templateSchema.safeParse(broken).error!.issues.map((i) => [i.path.join('.'), i.message]);
    expect(issues).toEqual(
      expect.arrayContaining([
        ['durationMinutes.min', 'Au moins 5 minutes.'],
        ['steps', 'Une liste d’étapes attendue.'],
        ['inspiration.sources.0', 'Adresse web attendue.'],
      ]),
    );
    expect(templateSchema.safeParse('texte').error!.issues[0]!.message).toBe('Le fichier doit contenir un objet JSON décrivant un modèle.');
  });

  it('refuses two zones with the same id and an element outside the canvas', () => {
    const broken = structuredClone(valid);
    const zones = broken.canvas.elements.filter((e) => e.kind === 'zone');
    zones[1]!.id = zones[0]!.id;
    zones[2]!.x = broken.canvas.width;
    const paths = templateSchema.safeParse(broken).error?.issues.map((i) => i.path.join('.'));
    const at = (zone: object) => broken.canvas.elements.indexOf(zone as never);
    expect(paths).toEqual(expect.arrayContaining([`canvas.elements.${at(zones[1]!)}.id`, `canvas.elements.${at(zones[2]!)}`]));
  });
});
