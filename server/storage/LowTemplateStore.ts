/**
 * User templates in their own lowdb file (`<dataDir>/templates.json`), apart
 * from session metadata: a library can be copied from one instance to another
 * by copying this file.
 */
import type { Low } from 'lowdb';
import type { Template } from '../../shared/templateSchema.js';
import type { TemplateStore } from './TemplateStore.js';
import { openLowFile } from './openLowFile.js';

interface TemplatesFile {
  version: 1;
  templates: Template[];
}

export class LowTemplateStore implements TemplateStore {
  private constructor(private readonly db: Low<TemplatesFile>) {}

  static async open(dataDir: string): Promise<LowTemplateStore> {
    const db = await openLowFile<TemplatesFile>(dataDir, 'templates.json', { version: 1, templates: [] });
    return new LowTemplateStore(db);
  }

  async list(): Promise<Template[]> {
    return [...this.db.data.templates];
  }

  async get(id: string): Promise<Template | undefined> {
    return this.db.data.templates.find((t) => t.id === id);
  }

  async put(template: Template): Promise<void> {
    const others = this.db.data.templates.filter((t) => t.id !== template.id);
    this.db.data.templates = [...others, template];
    await this.db.write();
  }
}
