import type { FacilitationFacts } from '../export/ReportService.js';
import type { ReportStep } from '../../shared/reportData.js';
import type { Step } from '../../shared/facilitation.js';
import type { FacilitationRecord, FacilitationState } from './facilitationRecord.js';
import { tallyVotes } from '../../shared/votes.js';

const minutes = (ms: number) => Math.max(0, Math.round(ms / 60_000));

/**
 * The déroulé as it ran: the steps entered, in the déroulé's order, each with
 * the time really spent in it (its runs added up). The current step has no
 * duration yet. A session facilitated before runs were logged shows the steps
 * up to the current one, without durations; one never started shows none.
 */
function stepsRun(record: FacilitationState): ReportStep[] {
  const log = record.stepLog ?? [];
  if (log.length === 0) {
    const current = record.steps.findIndex((s) => s.id === record.currentStepId);
    return record.steps.slice(0, current + 1).map((s) => ({ title: s.title, plannedMinutes: s.minutes || null, minutes: null, current: s.id === record.currentStepId }));
  }
  return record.steps.flatMap((step) => {
    const runs = log.filter((run) => run.stepId === step.id);
    if (runs.length === 0) return [];
    const ongoing = runs.some((run) => run.endedAt === null);
    const spent = runs.reduce((sum, run) => sum + ((run.endedAt ?? run.startedAt) - run.startedAt), 0);
    return [{ title: step.title, plannedMinutes: step.minutes || null, minutes: ongoing ? null : minutes(spent), current: ongoing }];
  });
}

/** What the report takes from facilitation: the steps run and the last vote, open or closed, by note and collège. */
export function facilitationFacts(stored: FacilitationRecord | undefined, steps: Step[]): FacilitationFacts {
  if (!stored) return { steps: [], votes: { held: false, byNote: new Map(), voters: 0 } };
  const record: FacilitationState = { ...stored, steps };
  const tally = record.vote ? tallyVotes(Object.values(record.vote.ballots)) : [];
  return {
    steps: stepsRun(record),
    votes: {
      held: record.vote !== null,
      byNote: new Map(tally.map((note) => [note.shapeId, note.byCollege as Record<string, number>])),
      voters: Object.values(record.vote?.ballots ?? {}).filter((b) => Object.values(b.dots).some((n) => n > 0)).length,
    },
  };
}
