import type { Template } from '../../shared/templateSchema.js';

/**
 * The persistence port for templates saved or imported on this instance.
 * Built-in templates are files in `templates/` and never pass through here.
 */
export interface TemplateStore {
  list(): Promise<Template[]>;
  get(id: string): Promise<Template | undefined>;
  /** Inserts, or replaces the template with the same id; resolves once written. */
  put(template: Template): Promise<void>;
}
