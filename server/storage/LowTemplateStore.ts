/**
 * User templates in their own lowdb file (`<dataDir>/templates.json`), apart
 * from session metadata: a library can be copied from one instance to another
 * by copying this file. `new Low(new JSONFile())` rather than
 * `JSONFilePreset`, which silently stays in memory under NODE_ENV=test.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import type { Template } from '../../shared/templateSchema.js';
import type { TemplateStore } from './TemplateStore.js';

interface TemplatesFile {
  version: 1;
  templates: Template[];
}

export class LowTemplateStore implements TemplateStore {
  private constructor(private readonly db: Low<TemplatesFile>) {}

  static async open(dataDir: string): Promise<LowTemplateStore> {
    await fs.mkdir(dataDir, { recursive: true });
    const db = new Low<TemplatesFile>(new JSONFile(path.join(dataDir, 'templates.json')), { version: 1, templates: [] });
    await db.read();
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
