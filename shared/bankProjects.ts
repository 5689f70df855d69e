/**
 * A project (« démarche ») in the public bank: one entry with its published workshops. What a visitor
 * receives: the project's description, its workshops' bank entries with the lineage between them, and its
 * characterisation; never a person, a pseudonym, a collège or an unpublished workshop.
 */
import type { Assessment, ProjectView } from './projects.js';
import type { BankEntryView } from './sessionSchemas.js';
import type { PhaseId } from './taxonomy.js';

/** How many ideas a workshop started from, taken from an earlier published workshop of the project. */
export interface BankCarriedLine {
  sessionId: string;
  title: string;
  count: number;
}

export interface BankProjectWorkshop extends BankEntryView {
  phase: PhaseId | null;
  carriedFrom: BankCarriedLine[];
}

/** `GET /api/bank/projects/:id`. */
export interface BankProjectView extends Pick<ProjectView, 'id' | 'title' | 'description' | 'territory' | 'themes' | 'partners'> {
  publishedAt: string;
  /** Published workshops only, oldest first. */
  workshops: BankProjectWorkshop[];
  /** The first and the latest assessment (one when there is one); evidence linking only to what is published. */
  assessments: Assessment[];
}

/** A project as a card of the bank's list (`GET /api/bank` answers `projects` beside `entries`). */
export interface BankProjectEntry extends Pick<ProjectView, 'id' | 'title' | 'territory' | 'themes'> {
  publishedAt: string;
  workshops: { id: string; title: string; phase: PhaseId | null }[];
}
