/**
 * The déroulé: a session's steps, stored once, in the session record. Templates bring theirs when they are
 * drawn (at creation, or at the end when a canvas is added during the workshop); the facilitator edits them
 * (`steps:set`). Facilitation keeps only which step runs and since when.
 */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Step, stepSchema } from '../../shared/facilitation.js';
import type { Template } from '../../shared/templateSchema.js';
import type { DrawnCanvas } from '../board/drawCanvases.js';

type StepInput = z.output<typeof stepSchema> & { templateId?: string };

export function withStepIds(steps: readonly StepInput[]): Step[] {
  return steps.map((s) => ({ ...s, id: s.id ?? randomUUID().slice(0, 8) }));
}

/** The steps of templates drawn as `canvases` (one canvas per template, in order), each tied to its canvas. */
export function templateSteps(templates: readonly Template[], canvases: readonly DrawnCanvas[]): Step[] {
  return withStepIds(
    templates.flatMap((t, i) => t.steps.map((step) => ({ ...step, templateId: t.id, canvasId: canvases[i]!.canvasId }))),
  );
}

/** The facilitator's edit of the déroulé: a step kept (same id) keeps the template it came from. */
export function editedSteps(previous: readonly Step[], edited: readonly StepInput[]): Step[] {
  const templateOf = new Map(previous.flatMap((s) => (s.templateId ? [[s.id, s.templateId] as const] : [])));
  return withStepIds(edited).map(({ templateId: _ignored, ...step }) => {
    const templateId = templateOf.get(step.id);
    return templateId ? { ...step, templateId } : step;
  });
}
