import { z } from 'zod';
import { PSEUDONYM_MAX_LENGTH, SESSION_MAX_TEMPLATES, SESSION_TITLE_MAX_LENGTH } from './limits.js';
import { COLLEGES, ROLES, SESSION_STATUSES, type College, type Role, type SessionStatus } from './roles.js';
import type { SessionStep } from './templateApi.js';

const title = z
  .string({ error: 'Le titre est obligatoire.' })
  .trim()
  .min(1, { error: 'Le titre ne peut pas être vide.' })
  .max(SESSION_TITLE_MAX_LENGTH, {
    error: `Le titre ne peut pas dépasser ${SESSION_TITLE_MAX_LENGTH} caractères.`,
  });

const pseudonym = z
  .string({ error: 'Le pseudonyme est obligatoire.' })
  .trim()
  .min(1, { error: 'Choisissez un pseudonyme.' })
  .max(PSEUDONYM_MAX_LENGTH, { error: `Le pseudonyme ne peut pas dépasser ${PSEUDONYM_MAX_LENGTH} caractères.` });

const college = z.enum(COLLEGES, { error: 'Choisissez un collège dans la liste.' });

export const createSessionBody = z.object({
  title,
  /** Shown as the facilitator's name (participant list, report cover). */
  facilitatorName: pseudonym.optional(),
  /** Required when the instance sets FACILITATOR_PASSWORD. */
  password: z.string().optional(),
  /** Library templates to draw on the board, left to right. */
  templateIds: z
    .array(z.string({ error: 'Identifiant de modèle attendu.' }), { error: 'Liste de modèles attendue.' })
    .max(SESSION_MAX_TEMPLATES, { error: `Au plus ${SESSION_MAX_TEMPLATES} canevas par atelier.` })
    .optional(),
});
export type CreateSessionBody = z.infer<typeof createSessionBody>;

export const updateSessionBody = z
  .object({
    title: title.optional(),
    status: z.enum(SESSION_STATUSES, { error: 'Statut inconnu.' }).optional(),
    colorByCollege: z.boolean({ error: 'Valeur attendue : vrai ou faux.' }).optional(),
  })
  .strict();

export const joinBody = z.object({
  code: z.string({ error: 'Le code est obligatoire.' }).trim().min(1, { error: 'Saisissez le code.' }),
  pseudonym,
  college,
});
export type JoinBody = z.infer<typeof joinBody>;

export const createLinkBody = z.object({
  role: z.enum(['facilitator', 'observer'], { error: 'Rôle attendu : facilitator ou observer.' }),
});

/** A session as the API presents it to anyone. */
export interface SessionView {
  id: string;
  title: string;
  createdAt: string;
  updatedAt: string;
  joinCode: string;
  status: SessionStatus;
  colorByCollege: boolean;
  templateIds: string[];
  /** The déroulé, from the templates drawn on the board. */
  steps: SessionStep[];
}

export interface ParticipantView {
  id: string;
  role: Role;
  pseudonym: string;
  college: College | null;
  connected: boolean;
}

/** What creating a session or joining one returns: the token is shown once. */
export interface AccessGrant {
  sessionId: string;
  token: string;
  participantId: string;
  role: Role;
  pseudonym: string;
  college: College | null;
}

export interface JoinInfo {
  sessionId: string;
  title: string;
  status: SessionStatus;
}

export const addCanvasBody = z.object({
  templateId: z.string({ error: 'Identifiant de modèle attendu.' }).min(1, { error: 'Choisissez un modèle.' }),
});

export const lockCanvasBody = z.object({
  locked: z.boolean({ error: 'Valeur attendue : vrai ou faux.' }),
});
