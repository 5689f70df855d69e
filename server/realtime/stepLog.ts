/**
 * When each step of the déroulé really ran, for the report's « déroulé tel
 * qu'il s'est passé »: entering a step ends the one before it. Going back to
 * a step adds a second run of it; the report adds the runs up.
 */
import type { StepRun } from './facilitationRecord.js';

/** A facilitator clicking between steps all day stays in a bounded record. */
const STEP_LOG_MAX_RUNS = 500;

/** The log once `stepId` is entered at `now`; entering the current step again changes nothing. */
export function logStepEntered(log: readonly StepRun[], stepId: string, now: number): StepRun[] {
  const last = log[log.length - 1];
  if (last && last.endedAt === null && last.stepId === stepId) return [...log];
  const closed = last && last.endedAt === null ? [...log.slice(0, -1), { ...last, endedAt: now }] : [...log];
  return [...closed, { stepId, startedAt: now, endedAt: null }].slice(-STEP_LOG_MAX_RUNS);
}
