import type { FacilitationFacts } from '../export/ReportService.js';
import type { FacilitationRecord } from '../storage/FacilitationStore.js';
import { tallyVotes } from '../../shared/votes.js';

/**
 * What the report takes from facilitation: the steps run (up to the current
 * one; all planned steps if the déroulé was never started) and the last vote,
 * open or closed, by note and collège.
 */
export function facilitationFacts(record: FacilitationRecord | undefined): FacilitationFacts {
  if (!record) return { steps: [], votes: { held: false, byNote: new Map() } };
  const current = record.steps.findIndex((s) => s.id === record.currentStepId);
  const run = current === -1 ? record.steps : record.steps.slice(0, current + 1);
  const tally = record.vote ? tallyVotes(Object.values(record.vote.ballots)) : [];
  return {
    steps: run.map((s) => ({ title: s.title, minutes: s.minutes > 0 ? s.minutes : null })),
    votes: {
      held: record.vote !== null,
      byNote: new Map(tally.map((note) => [note.shapeId, note.byCollege as Record<string, number>])),
    },
  };
}
