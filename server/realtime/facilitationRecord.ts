/**
 * A session's facilitation state: the domain's types. Storage persists them (storage/FacilitationStore.ts);
 * the facilitation service decides how they change.
 */
import type { BoardRecord } from '../../shared/boardLayout.js';
import type { Step } from '../../shared/facilitation.js';
import type { TimerState } from '../../shared/timer.js';
import type { Ballot, RankedNote, VoteSettings } from '../../shared/votes.js';

export interface VoteRecord extends VoteSettings {
  id: string;
  status: 'open' | 'closed';
  /** participant id → their dots; decided by the server only. */
  ballots: Record<string, Ballot>;
  results: RankedNote[] | null;
}

export interface PrivateNoteRecord {
  authorId: string;
  record: BoardRecord;
}

/** One run of a step: when it was entered, and when another step replaced it. */
export interface StepRun {
  stepId: string;
  startedAt: number;
  /** Null while the step is the current one. */
  endedAt: number | null;
}

/**
 * A session's facilitation state, as stored: the run of the workshop. The steps themselves are the session's
 * (`SessionRecord.steps`); this record says which one runs and since when.
 */
export interface FacilitationRecord {
  timer: TimerState | null;
  currentStepId: string | null;
  /** When each step entered ran (absent in records written before it was kept). */
  stepLog?: StepRun[];
  paused: boolean;
  privateWriting: boolean;
  follow: { leaderId: string; leaderName: string } | null;
  vote: VoteRecord | null;
  /** note id → the note, until the reveal. */
  privateNotes: Record<string, PrivateNoteRecord>;
}

/** The record with the session's steps beside it: what facilitation's rules and views work on. */
export type FacilitationState = FacilitationRecord & { steps: Step[] };
