import { z } from 'zod';
import { PSEUDONYM_MAX_LENGTH, SESSION_MAX_TEMPLATES, SESSION_TITLE_MAX_LENGTH } from './limits.js';
import { isSafeText, UNSAFE_TEXT_MESSAGE } from './safeText.js';
import { COLLEGES, SESSION_STATUSES, type College, type Role, type SessionStatus } from './roles.js';
import { ECHELONS, FORMATS, PHASES, PUBLICS, STAGES, THEMES, facetIds } from './taxonomy.js';
import type { Step } from './facilitation.js';
import type { SuiteFollowUpCounts } from './suites.js';

const title = z
  .string({ error: 'Le titre est obligatoire.' })
  .trim()
  .min(1, { error: 'Le titre ne peut pas être vide.' })
  .max(SESSION_TITLE_MAX_LENGTH, {
    error: `Le titre ne peut pas dépasser ${SESSION_TITLE_MAX_LENGTH} caractères.`,
  })
  .refine(isSafeText, { error: UNSAFE_TEXT_MESSAGE });

const pseudonym = z
  .string({ error: 'Le pseudonyme est obligatoire.' })
  .trim()
  .min(1, { error: 'Choisissez un pseudonyme.' })
  .max(PSEUDONYM_MAX_LENGTH, { error: `Le pseudonyme ne peut pas dépasser ${PSEUDONYM_MAX_LENGTH} caractères.` })
  .refine(isSafeText, { error: UNSAFE_TEXT_MESSAGE });

const college = z.enum(COLLEGES, { error: 'Choisissez un collège dans la liste.' });

const facetChoice = (ids: [string, ...string[]]) => z.enum(ids, { error: 'Valeur inconnue pour ce critère.' });

/** How a session is described for the dashboard and the bank (facets from shared/taxonomy.ts). */
export const sessionDescription = z
  .object({
    territory: z
      .object({
        name: z.string().trim().max(120, { error: 'Le nom du territoire ne peut pas dépasser 120 caractères.' }),
        echelon: facetChoice(facetIds(ECHELONS)).nullable(),
      })
      .nullable(),
    themes: z.array(facetChoice(facetIds(THEMES))).max(THEMES.length),
    publics: z.array(facetChoice(facetIds(PUBLICS))).max(PUBLICS.length),
    phase: facetChoice(facetIds(PHASES)).nullable(),
    stage: facetChoice(facetIds(STAGES)).nullable(),
    format: facetChoice(facetIds(FORMATS)).nullable(),
    date: z.iso.date({ error: 'Date attendue au format AAAA-MM-JJ.' }).nullable(),
    summary: z.string().trim().max(2_000, { error: 'Le résumé ne peut pas dépasser 2 000 caractères.' }),
  })
  .strict();
export type SessionDescription = z.infer<typeof sessionDescription>;

export const emptyDescription = (): SessionDescription => ({
  territory: null,
  themes: [],
  publics: [],
  phase: null,
  stage: null,
  format: null,
  date: null,
  summary: '',
});

export const createSessionBody = z.object({
  title,
  /** Shown as the facilitator's name (participant list, report cover). */
  facilitatorName: pseudonym.optional(),
  /** Required when the instance sets FACILITATOR_PASSWORD. */
  password: z.string().optional(),
  description: sessionDescription.partial().optional(),
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
    everyoneEditsNotes: z.boolean({ error: 'Valeur attendue : vrai ou faux.' }).optional(),
    description: sessionDescription.partial().optional(),
    published: z.boolean({ error: 'Valeur attendue : vrai ou faux.' }).optional(),
  })
  .strict();

const optionalFilter = (ids: [string, ...string[]]) => facetChoice(ids).optional();

/** Filters of `GET /api/sessions` and `GET /api/bank`. */
export const sessionQuery = z.object({
  q: z.string().trim().max(200).optional(),
  theme: optionalFilter(facetIds(THEMES)),
  echelon: optionalFilter(facetIds(ECHELONS)),
  territory: z.string().trim().max(120).optional(),
  phase: optionalFilter(facetIds(PHASES)),
  stage: optionalFilter(facetIds(STAGES)),
  status: z.enum(SESSION_STATUSES, { error: 'Statut inconnu.' }).optional(),
});
export type SessionQuery = z.infer<typeof sessionQuery>;

export const duplicateBody = z.object({
  withContributions: z.boolean({ error: 'Valeur attendue : vrai ou faux.' }).default(false),
  /** The instance's FACILITATOR_PASSWORD, as for creating a session. */
  password: z.string().max(200).optional(),
});

export const joinBody = z.object({
  code: z.string({ error: 'Le code est obligatoire.' }).trim().min(1, { error: 'Saisissez le code.' }),
  pseudonym,
  college,
});
export type JoinBody = z.infer<typeof joinBody>;

export const createLinkBody = z.object({
  role: z.enum(['facilitator', 'observer'], { error: 'Rôle attendu : facilitator ou observer.' }),
});

/**
 * Why a search result matched: the passage holding the query's words (a note's text or a field of the record card),
 * cut around the first hit, with the hits as [start, end) offsets into `text`.
 */
export interface SearchMatch {
  field: 'note' | 'title' | 'territory' | 'summary';
  text: string;
  highlights: [number, number][];
}

/** A session as the API presents it to anyone. */
export interface SessionView {
  id: string;
  title: string;
  createdAt: string;
  updatedAt: string;
  /** Only for the session's facilitators; null for everyone else. */
  joinCode: string | null;
  status: SessionStatus;
  colorByCollege: boolean;
  /** « Tout le monde peut modifier les notes de tous »: off, participants change only their own. */
  everyoneEditsNotes: boolean;
  description: SessionDescription;
  published: boolean;
  templateIds: string[];
  /** The déroulé: the templates' steps as drawn on the board, then as the facilitator edited them. */
  steps: Step[];
  /** The project (« démarche ») it is a workshop of. */
  projectId: string | null;
  /** How many participants deleted their contributions. */
  contributionsWithdrawn: number;
  /** In a list answering a full-text query (`q`): the passage that matched. */
  match?: SearchMatch;
}

/** What « Supprimer mes contributions » removed: shapes on the board (notes, drawings…), private notes, dots. */
export interface ContributionsWithdrawn {
  shapes: number;
  privateNotes: number;
  dots: number;
}

/** A published workshop as anyone sees it in the bank: no join code, no people. */
/** The anonymised copy of a published board that bank visitors receive: tldraw's schema and the records. */
export interface PublishedBoard {
  schema: unknown;
  records: { id: string; typeName: string; [key: string]: unknown }[];
}

export interface BankEntryView {
  id: string;
  title: string;
  createdAt: string;
  description: SessionDescription;
  publishedAt: string;
  /** How many of its ideas were taken on, and done (« droit de suite »). */
  followUp: SuiteFollowUpCounts;
  /** The canvases drawn on the board, by template (the first gives the card's thumbnail). */
  templateIds: string[];
  /** In a list answering a full-text query (`q`): the passage that matched. */
  match?: SearchMatch;
  /** On its own page: the published project (« démarche ») the workshop is part of. */
  project?: { id: string; title: string };
}

/** `GET /api/bank/:id/essentials`: the report's essentials as text, from the anonymised copy (no one named). */
export interface BankEssentials {
  counts: { people: number; contributions: number; dots: number };
  canvases: {
    canvasId: string;
    title: string;
    contributionCount: number;
    /** Its most supported ideas when a vote was held; otherwise a few from its busiest zones. */
    top: { text: string; dots: number }[];
    /** Where people wrote most (always given: without a vote, this says what the canvas was about). */
    busiestZones: { label: string; count: number }[];
  }[];
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
