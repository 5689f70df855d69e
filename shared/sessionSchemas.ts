import { z } from 'zod';
import { SESSION_TITLE_MAX_LENGTH } from './limits.js';

export const createSessionBody = z.object({
  title: z
    .string({ error: 'Le titre est obligatoire.' })
    .trim()
    .min(1, { error: 'Le titre ne peut pas être vide.' })
    .max(SESSION_TITLE_MAX_LENGTH, {
      error: `Le titre ne peut pas dépasser ${SESSION_TITLE_MAX_LENGTH} caractères.`,
    }),
});
export type CreateSessionBody = z.infer<typeof createSessionBody>;

/** A session as the API presents it. */
export interface SessionView {
  id: string;
  title: string;
  createdAt: string;
  updatedAt: string;
}
