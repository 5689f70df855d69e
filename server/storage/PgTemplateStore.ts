/**
 * Saved templates in PostgreSQL, one JSON record per template in the
 * `templates` collection: the name of the array in the embedded
 * `templates.json`, so the embedded-to-PostgreSQL migration carries them.
 */
import type { Pool } from 'pg';
import type { Template } from '../../shared/templateSchema.js';
import { PgRecordCollection } from './PgRecordCollection.js';
import type { TemplateStore } from './TemplateStore.js';

export class PgTemplateStore implements TemplateStore {
  private readonly records: PgRecordCollection<Template>;

  constructor(pool: Pool) {
    this.records = new PgRecordCollection(pool, 'templates');
  }

  list(): Promise<Template[]> {
    return this.records.list();
  }

  get(id: string): Promise<Template | undefined> {
    return this.records.get(id);
  }

  put(template: Template): Promise<void> {
    return this.records.upsert(template);
  }
}
