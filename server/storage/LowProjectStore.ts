/**
 * Projects in their own lowdb file (`<dataDir>/projects.json`, collection `projects`: the name the
 * embedded-to-PostgreSQL migration copies them under). Writes are chained, so two requests changing the same
 * project apply one after the other.
 */
import type { Low } from 'lowdb';
import type { ProjectRecord } from '../projects/projectRecord.js';
import type { ProjectChange, ProjectStore } from './ProjectStore.js';
import { openLowFile } from './openLowFile.js';

interface ProjectsFile {
  version: 1;
  projects: ProjectRecord[];
}

export class LowProjectStore implements ProjectStore {
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(private readonly db: Low<ProjectsFile>) {}

  static async open(dataDir: string): Promise<LowProjectStore> {
    const db = await openLowFile<ProjectsFile>(dataDir, 'projects.json', { version: 1, projects: [] });
    return new LowProjectStore(db);
  }

  async list(): Promise<ProjectRecord[]> {
    return structuredClone(this.db.data.projects);
  }

  async get(id: string): Promise<ProjectRecord | undefined> {
    return structuredClone(this.db.data.projects.find((p) => p.id === id));
  }

  insert(project: ProjectRecord): Promise<void> {
    return this.chain(async () => {
      this.db.data.projects.push(structuredClone(project));
      await this.db.write();
    });
  }

  update(id: string, change: ProjectChange): Promise<ProjectRecord | undefined> {
    return this.chain(async () => {
      const records = this.db.data.projects;
      const index = records.findIndex((p) => p.id === id);
      if (index === -1) return undefined;
      const next = { ...records[index]!, ...change(structuredClone(records[index]!)), id };
      records[index] = next;
      await this.db.write();
      return structuredClone(next);
    });
  }

  private chain<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work);
    this.queue = run.catch(() => undefined);
    return run;
  }
}
