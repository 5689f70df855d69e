/**
 * The déroulé templates give a session (`SessionRecord.steps`, one list for
 * every canvas drawn) as facilitation steps. A canvas added during the
 * workshop brings more steps: they join the end, while the facilitator's own
 * edits of earlier ones stay.
 */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { stepSchema, type Step } from '../../shared/facilitation.js';
import type { FacilitationRecord } from './facilitationRecord.js';

export function withStepIds(steps: z.output<typeof stepSchema>[]): Step[] {
  return steps.map((s) => ({ ...s, id: s.id ?? randomUUID().slice(0, 8) }));
}

/** Valid steps only: one unreadable step does not cost the others. */
export function stepsFromSession(sessionSteps: readonly unknown[]): Step[] {
  return withStepIds(sessionSteps.flatMap((raw) => {
    const parsed = stepSchema.safeParse(raw);
    return parsed.success ? [parsed.data] : [];
  }));
}

export function withNewSessionSteps(record: FacilitationRecord, sessionSteps: readonly unknown[]): FacilitationRecord {
  const imported = record.importedSessionSteps ?? sessionSteps.length;
  if (sessionSteps.length <= imported) return record;
  return {
    ...record,
    steps: [...record.steps, ...stepsFromSession(sessionSteps.slice(imported))],
    importedSessionSteps: sessionSteps.length,
  };
}
