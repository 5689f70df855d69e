import type { ProjectRecord } from '../projects/projectRecord.js';

export type ProjectChange = (current: ProjectRecord) => Partial<Omit<ProjectRecord, 'id'>>;

/** The persistence port for projects (« démarches »). */
export interface ProjectStore {
  list(): Promise<ProjectRecord[]>;
  get(id: string): Promise<ProjectRecord | undefined>;
  insert(project: ProjectRecord): Promise<void>;
  /** Atomic read-modify-write; if `change` throws, nothing is written. */
  update(id: string, change: ProjectChange): Promise<ProjectRecord | undefined>;
}
