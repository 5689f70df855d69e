/**
 * Suites (« droit de suite »): what became of an idea after the workshop. A suite is made by facilitators from
 * one or several notes of the board; it keeps where they came from, their dots by collège, and a status whose
 * every change is dated. The shapes here are what the API answers; the server adds, and never shows, who wrote
 * the source notes (so a participant can find the suites of their own ideas).
 */
import { z } from 'zod';
import { isSafeText, UNSAFE_TEXT_MESSAGE } from './safeText.js';
import type { CollegeKey } from './votes.js';

export const SUITE_STATUSES = ['a_l_etude', 'retenue', 'en_cours', 'realisee', 'non_retenue'] as const;
export type SuiteStatus = (typeof SUITE_STATUSES)[number];

/** French labels, as exports and the bank print them (the client translates through its locale files). */
export const SUITE_STATUS_LABELS: Record<SuiteStatus, string> = {
  a_l_etude: 'À l’étude',
  retenue: 'Retenue',
  en_cours: 'En cours',
  realisee: 'Réalisée',
  non_retenue: 'Non retenue',
};

/** A status that needs its reason given (« pourquoi pas »: the people who gave the idea are owed it). */
export const statusNeedsReason = (status: SuiteStatus): boolean => status === 'non_retenue';

/**
 * The bank's follow-up facet: « idées retenues » counts every idea taken on (retained, under way or done),
 * « réalisées » the ones done.
 */
export const SUITE_FOLLOW_UPS = {
  retenues: ['retenue', 'en_cours', 'realisee'],
  realisees: ['realisee'],
} as const satisfies Record<string, readonly SuiteStatus[]>;
export type SuiteFollowUp = keyof typeof SUITE_FOLLOW_UPS;
export const SUITE_FOLLOW_UP_IDS = Object.keys(SUITE_FOLLOW_UPS) as [SuiteFollowUp, ...SuiteFollowUp[]];

/** The bank's filter: `?suites=retenues` or `?suites=realisees`. */
export const bankFollowUpQuery = z.object({
  suites: z.enum(SUITE_FOLLOW_UP_IDS, { error: 'Suites attendues : retenues ou realisees.' }).optional(),
});

/** How many of a session's ideas reached each follow-up (what a bank card says). */
export type SuiteFollowUpCounts = Record<SuiteFollowUp, number>;

export function followUpCounts(statuses: readonly SuiteStatus[]): SuiteFollowUpCounts {
  const count = (id: SuiteFollowUp) => statuses.filter((s) => (SUITE_FOLLOW_UPS[id] as readonly SuiteStatus[]).includes(s)).length;
  return { retenues: count('retenues'), realisees: count('realisees') };
}

export const SUITE_LIMITS = {
  perSession: 500,
  notesPerSuite: 100,
  titleChars: 200,
  bodyChars: 10_000,
  reasonChars: 2_000,
  placeNameChars: 200,
} as const;

export interface SuiteStatusChange {
  status: SuiteStatus;
  reason: string | null;
  /** ISO date-time of the change. */
  at: string;
}

export interface SuiteVotes {
  total: number;
  byCollege: Partial<Record<CollegeKey, number>>;
}

/**
 * A point of the territory (WGS 84): at creation, the centre of the suite's notes pinned on a map; the
 * facilitator may set it from a pinned note or by its coordinates, or take it away.
 */
export interface SuiteLocation {
  latitude: number;
  longitude: number;
}

export interface Suite {
  id: string;
  title: string;
  body: string;
  noteIds: string[];
  canvasId: string | null;
  canvasTitle: string | null;
  zoneId: string | null;
  zoneLabel: string | null;
  votes: SuiteVotes;
  /** Where the idea is, as people of the territory name it (« Place de la mairie »): the Decidim address. */
  placeName: string | null;
  location: SuiteLocation | null;
  status: SuiteStatus;
  /** Oldest first; the last entry is the current status. */
  history: SuiteStatusChange[];
  createdAt: string;
  updatedAt: string;
}

/** What the bank and participants read: no note ids (they lead back to authors on the board). */
export type PublicSuite = Omit<Suite, 'noteIds'>;

const title = z
  .string({ error: 'Le titre doit être un texte.' })
  .trim()
  .min(1, { error: 'Le titre ne peut pas être vide.' })
  .max(SUITE_LIMITS.titleChars, { error: `Le titre fait au plus ${SUITE_LIMITS.titleChars} caractères.` });
const body = z
  .string({ error: 'Le texte doit être un texte.' })
  .max(SUITE_LIMITS.bodyChars, { error: `Le texte fait au plus ${SUITE_LIMITS.bodyChars} caractères.` });

const noteId = z.string().regex(/^shape:[\w-]{1,100}$/, { error: 'Identifiant de note invalide.' });

export const suiteCreateSchema = z.object({
  noteIds: z
    .array(noteId, {
      error: 'Choisissez au moins une note.',
    })
    .min(1, { error: 'Choisissez au moins une note.' })
    .max(SUITE_LIMITS.notesPerSuite, { error: `Une suite réunit au plus ${SUITE_LIMITS.notesPerSuite} notes.` }),
  title: title.optional(),
  body: body.optional(),
});
export type SuiteCreate = z.infer<typeof suiteCreateSchema>;

/** An empty name clears it (null), like a location set to null. */
const placeName = z
  .string({ error: 'Le lieu doit être un texte.' })
  .trim()
  .max(SUITE_LIMITS.placeNameChars, { error: `Le lieu fait au plus ${SUITE_LIMITS.placeNameChars} caractères.` })
  .refine(isSafeText, { error: UNSAFE_TEXT_MESSAGE })
  .transform((v) => v || null)
  .nullable();

const coordinate = (name: string, limit: number) =>
  z
    .number({ error: `La ${name} doit être un nombre (degrés décimaux, WGS 84).` })
    .min(-limit, { error: `La ${name} est comprise entre -${limit} et ${limit} degrés.` })
    .max(limit, { error: `La ${name} est comprise entre -${limit} et ${limit} degrés.` });

/**
 * A point given by its coordinates, or taken from a note pinned on a map of the board (`{ fromNote }`): one
 * object with optional keys (not a union), so a coordinate out of range is refused under its own name.
 */
export const suiteLocationInput = z
  .strictObject(
    { latitude: coordinate('latitude', 90).optional(), longitude: coordinate('longitude', 180).optional(), fromNote: noteId.optional() },
    { error: 'Localisation attendue : { latitude, longitude } en degrés, ou { fromNote } (une note posée sur une carte), ou null.' },
  )
  .refine((l) => (l.fromNote === undefined ? l.latitude !== undefined && l.longitude !== undefined : l.latitude === undefined && l.longitude === undefined), {
    error: 'Donnez la latitude et la longitude ensemble, ou une note posée sur une carte (fromNote), pas les deux.',
  });
export type SuiteLocationInput = z.infer<typeof suiteLocationInput>;

export const suitePatchSchema = z
  .object({ title: title.optional(), body: body.optional(), placeName: placeName.optional(), location: suiteLocationInput.nullable().optional() })
  .refine((p) => Object.values(p).some((v) => v !== undefined), { error: 'Rien à modifier : donnez un titre, un texte, un lieu ou un point.' });
export type SuitePatch = z.infer<typeof suitePatchSchema>;
/** What a client sends (before the server trims and turns an empty place name into null). */
export type SuitePatchInput = z.input<typeof suitePatchSchema>;

/** The reason rule is checked apart (a named refusal, `suite_reason_required`), not as a malformed body. */
export const suiteStatusSchema = z.object({
  status: z.enum(SUITE_STATUSES, { error: 'Statut attendu : a_l_etude, retenue, en_cours, realisee ou non_retenue.' }),
  reason: z
    .string({ error: 'La raison doit être un texte.' })
    .trim()
    .max(SUITE_LIMITS.reasonChars, { error: `La raison fait au plus ${SUITE_LIMITS.reasonChars} caractères.` })
    .optional(),
});
export type SuiteStatusInput = z.infer<typeof suiteStatusSchema>;
