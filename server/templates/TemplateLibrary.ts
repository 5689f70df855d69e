/**
 * The instance's library: built-in templates (read-only, from files) and the
 * ones facilitators saved or imported (in the TemplateStore).
 */
import { PHASE_IDS, PHASE_LABELS, type Phase } from '../../shared/taxonomy.js';
import type { TemplateSummary } from '../../shared/templateApi.js';
import type { Template } from '../../shared/templateSchema.js';
import { invalidBody, templateNotFound, templateReadOnly } from '../errors.js';
import type { TemplateStore } from '../storage/TemplateStore.js';
import { apiPaths } from '../../shared/paths.js';

export function presentTemplateSummary(template: Template, builtIn: boolean): TemplateSummary {
  return {
    id: template.id,
    title: template.title,
    phase: template.phase,
    phaseLabel: PHASE_LABELS[template.phase],
    purpose: template.purpose,
    durationMinutes: template.durationMinutes,
    contributors: template.contributors,
    stepCount: template.steps.length,
    builtIn,
    previewUrl: apiPaths.templatePreview(template.id),
  };
}

export class TemplateLibrary {
  private readonly builtIns: Map<string, Template>;

  constructor(
    builtIns: Template[],
    private readonly store: TemplateStore,
  ) {
    this.builtIns = new Map(builtIns.map((t) => [t.id, t]));
  }

  /** Built-ins first in journey order, then saved templates; both sorted by phase. */
  async list(phase?: Phase): Promise<TemplateSummary[]> {
    const saved = await this.store.list();
    const all = [
      ...[...this.builtIns.values()].map((t) => presentTemplateSummary(t, true)),
      ...saved.map((t) => presentTemplateSummary(t, false)),
    ].sort((a, b) => PHASE_IDS.indexOf(a.phase) - PHASE_IDS.indexOf(b.phase));
    return phase ? all.filter((t) => t.phase === phase) : all;
  }

  async get(id: string): Promise<Template | undefined> {
    return this.builtIns.get(id) ?? (await this.store.get(id));
  }

  async require(id: string): Promise<Template> {
    const template = await this.get(id);
    if (!template) throw templateNotFound();
    return template;
  }

  /** The templates behind `ids`, in order; unknown ids answer 400 naming `templateIds.N`. */
  async resolve(ids: string[]): Promise<Template[]> {
    const found = await Promise.all(ids.map((id) => this.get(id)));
    const missing = ids.flatMap((id, i) =>
      found[i] ? [] : [{ path: `templateIds.${i}`, message: `Le modèle « ${id} » n'existe pas dans la bibliothèque.` }],
    );
    if (missing.length > 0) throw invalidBody(missing);
    return found as Template[];
  }

  /** Refuses a built-in id, before anything of a template (its images) is stored under it. */
  assertWritable(id: string): void {
    if (this.builtIns.has(id)) throw templateReadOnly(id);
  }

  /** Saves a validated template; built-in ids are refused. Returns whether it replaced a saved one. */
  async save(template: Template): Promise<{ replaced: boolean }> {
    this.assertWritable(template.id);
    const replaced = (await this.store.get(template.id)) !== undefined;
    await this.store.put(template);
    return { replaced };
  }
}
