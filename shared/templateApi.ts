/**
 * What the templates API exchanges besides the template file itself: library
 * cards, the save-a-board request, list filters, and a session's déroulé.
 */
import { z } from 'zod';
import { templateSchema, type Template } from './templateSchema.js';

/** A library card: everything but the canvas. */
export interface TemplateSummary {
  id: string;
  title: string;
  phase: Template['phase'];
  phaseLabel: string;
  purpose: string;
  durationMinutes: { min: number; max: number };
  contributors: Template['contributors'];
  stepCount: number;
  builtIn: boolean;
  previewUrl: string;
}

const fields = templateSchema.shape;

/** `POST /api/templates` with a session: save its board, or one canvas of it, as a template. */
export const saveBoardAsTemplateBody = z.object({
  fromSessionId: z
    .string({ error: "L'identifiant de l'atelier est obligatoire." })
    .min(1, { error: "L'identifiant de l'atelier est obligatoire." }),
  /** One canvas of the board; the whole board when absent. */
  canvasId: z.string({ error: 'Identifiant de canevas attendu.' }).min(1, { error: 'Identifiant de canevas attendu.' }).optional(),
  /** Chosen from the title when absent. */
  id: fields.id.optional(),
  title: fields.title,
  phase: fields.phase,
  description: fields.description,
});
export type SaveBoardAsTemplateBody = z.infer<typeof saveBoardAsTemplateBody>;

export const templateListQuery = z.object({ phase: fields.phase.optional() });
