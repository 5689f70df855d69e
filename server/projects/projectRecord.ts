/** A project as stored. Its workshops are not listed here: each session names its project (`projectId`). */
import type { Assessment, ProjectView } from '../../shared/projects.js';

export interface ProjectRecord extends Omit<ProjectView, 'sessions' | 'assessments' | 'published' | 'publishedAt'> {
  /** Absent on projects stored before the bank took projects: not published. */
  published?: boolean;
  publishedAt?: string | null;
  /** SHA-256 of the token given to the device that created it: the token itself is never stored. */
  ownerTokenHash: string;
  assessments: Assessment[];
}
