/** Projects in PostgreSQL: one JSON record each in the `projects` collection of `metadata_records` (no table of their own). */
import type { Pool } from 'pg';
import { PgRecordCollection } from './PgRecordCollection.js';
import type { ProjectRecord } from '../projects/projectRecord.js';
import type { ProjectChange, ProjectStore } from './ProjectStore.js';

export class PgProjectStore implements ProjectStore {
  private readonly records: PgRecordCollection<ProjectRecord>;

  constructor(pool: Pool) {
    this.records = new PgRecordCollection(pool, 'projects');
  }

  list(): Promise<ProjectRecord[]> {
    return this.records.list();
  }

  get(id: string): Promise<ProjectRecord | undefined> {
    return this.records.get(id);
  }

  insert(project: ProjectRecord): Promise<void> {
    return this.records.insert(project);
  }

  update(id: string, change: ProjectChange): Promise<ProjectRecord | undefined> {
    return this.records.update(id, change);
  }
}
