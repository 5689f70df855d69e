/**
 * Projects (« démarches »): one territorial journey across several workshops (diagnostic → idéation → projet →
 * évaluation). A project holds its description and its characterisation (the nine criteria of social innovation,
 * after the Institut Godin's grid, assessed again at each update and kept dated); its workshops are the sessions
 * whose `projectId` names it. The shapes here are what the API answers and accepts.
 */
import { z } from 'zod';
import { SESSION_TITLE_MAX_LENGTH } from './limits.js';
import { isSafeText, UNSAFE_TEXT_MESSAGE } from './safeText.js';
import { ECHELONS, PHASES, THEMES, facetIds, type EchelonId, type PhaseId, type ThemeId } from './taxonomy.js';
import type { SessionStatus } from './roles.js';
import type { SuiteStatus } from './suites.js';

export const PROJECT_LIMITS = {
  titleChars: SESSION_TITLE_MAX_LENGTH,
  descriptionChars: 4_000,
  partners: 30,
  partnerChars: 120,
  /** Sessions attached or detached in one request. */
  sessionsPerChange: 50,
  evidenceChars: 2_000,
  linksPerCriterion: 20,
  /** Dated assessments kept: one per update, enough for years of monthly reviews. */
  assessments: 200,
  carriedPerSession: 100,
} as const;

/** The journey's phases, in order: the project page's timeline. */
export const JOURNEY_PHASES: readonly PhaseId[] = facetIds(PHASES);

/** The four dimensions of the grid and their nine criteria (names as concepts; the wording is Trame's). */
export const CRITERIA = [
  { id: 'finalite-sociale', dimension: 'Émergence', label: 'Finalité sociale' },
  { id: 'aspiration-sociale', dimension: 'Émergence', label: 'Aspiration sociale' },
  { id: 'ancrage-territorial', dimension: 'Processus', label: 'Ancrage territorial' },
  { id: 'gouvernance', dimension: 'Processus', label: 'Gouvernance élargie et participative' },
  { id: 'modele-economique', dimension: 'Processus', label: 'Modèle économique pluriel' },
  { id: 'accessibilite', dimension: 'Résultat', label: 'Accessibilité' },
  { id: 'logique-service', dimension: 'Résultat', label: 'Logique de service' },
  { id: 'impacts-directs', dimension: 'Impacts et diffusion', label: 'Impacts directs' },
  { id: 'changement-social', dimension: 'Impacts et diffusion', label: 'Changement social' },
] as const;
export type CriterionId = (typeof CRITERIA)[number]['id'];
export const CRITERION_IDS = CRITERIA.map((c) => c.id) as [CriterionId, ...CriterionId[]];

export const LEVELS = ['a_construire', 'en_construction', 'affirme'] as const;
export type Level = (typeof LEVELS)[number];
export const LEVEL_LABELS: Record<Level, string> = {
  a_construire: 'À construire',
  en_construction: 'En construction',
  affirme: 'Affirmé',
};
/** A level's place on the radar chart's axes (0 = not assessed). */
export const levelValue = (level: Level | null): number => (level ? LEVELS.indexOf(level) + 1 : 0);

/** Evidence pointing at a note or a suite of one of the project's workshops, or at a page elsewhere. */
export type EvidenceLink =
  | { kind: 'note' | 'suite'; sessionId: string; targetId: string; label: string }
  | { kind: 'url'; url: string; label: string };

export interface CriterionAssessment {
  level: Level | null;
  evidence: string;
  links: EvidenceLink[];
}

/** One dated update of the grid: every criterion as it stood after it. */
export interface Assessment {
  id: string;
  at: string;
  /** The workshop the assessment was made in (its grille canvas), or null when filled in afterwards. */
  sessionId: string | null;
  criteria: Record<CriterionId, CriterionAssessment>;
}

export const emptyCriteria = (): Record<CriterionId, CriterionAssessment> =>
  Object.fromEntries(CRITERION_IDS.map((id) => [id, { level: null, evidence: '', links: [] }])) as unknown as Record<
    CriterionId,
    CriterionAssessment
  >;

/** A workshop of the project as its page lists it. */
export interface ProjectSession {
  id: string;
  title: string;
  status: SessionStatus;
  phase: PhaseId | null;
  date: string | null;
  createdAt: string;
}

export interface ProjectView {
  id: string;
  title: string;
  description: string;
  territory: { name: string; echelon: EchelonId | null } | null;
  themes: ThemeId[];
  partners: string[];
  createdAt: string;
  updatedAt: string;
  /** In the public bank, as one entry with its finished workshops. */
  published: boolean;
  publishedAt: string | null;
  /** Oldest first. */
  sessions: ProjectSession[];
  /** Oldest first; the last one is the grid as it stands. */
  assessments: Assessment[];
}

/** Given once, at creation: the device keeps it and proves with it that the project is its own. */
export interface ProjectAccess {
  projectId: string;
  token: string;
}

/** What a workshop gave: its most supported ideas, its suites, and what it started from. */
export interface JourneyIdea {
  noteId: string;
  text: string;
  zoneLabel: string | null;
  college: string | null;
  dots: number;
}
export interface JourneySuite {
  id: string;
  title: string;
  status: SuiteStatus;
}
export interface CarriedIdea {
  text: string;
  college: string | null;
  from: NoteOrigin;
}
export interface JourneyWorkshop extends ProjectSession {
  topIdeas: JourneyIdea[];
  suites: JourneySuite[];
  carried: CarriedIdea[];
  contributionCount: number;
}

/** What a workshop's grille canvas proposes for one criterion, for the facilitator to confirm. */
export interface GridProposal {
  criterionId: CriterionId;
  /** The level most notes were placed on; null when notes only sit in the criterion's heading. */
  level: Level | null;
  counts: Record<Level, number>;
  evidence: string;
  links: EvidenceLink[];
}

/** A workshop's ideas by zone (most supported first) and its suites: what can be carried over. */
export interface WorkshopIdeas {
  zones: { zoneId: string; label: string; ideas: JourneyIdea[] }[];
  suites: JourneySuite[];
}

/**
 * Where a carried note came from: stored in the note's `meta.trame.origin`, written by the server only
 * (participants can neither add nor change it, see server/collaboration/RecordRules.ts).
 */
export interface NoteOrigin {
  sessionId: string;
  sessionTitle: string;
  kind: 'note' | 'suite';
  sourceId: string;
}

const safe = (max: number, field: string) =>
  z
    .string({ error: `${field} doit être un texte.` })
    .trim()
    .max(max, { error: `${field} fait au plus ${max} caractères.` })
    .refine(isSafeText, { error: UNSAFE_TEXT_MESSAGE });

const title = safe(PROJECT_LIMITS.titleChars, 'Le titre').pipe(z.string().min(1, { error: 'Le titre ne peut pas être vide.' }));
const description = z
  .string({ error: 'La description doit être un texte.' })
  .trim()
  .max(PROJECT_LIMITS.descriptionChars, { error: `La description fait au plus ${PROJECT_LIMITS.descriptionChars} caractères.` });
const territory = z
  .object({
    name: safe(120, 'Le nom du territoire'),
    echelon: z.enum(facetIds(ECHELONS), { error: 'Échelon inconnu.' }).nullable(),
  })
  .nullable();
const themes = z.array(z.enum(facetIds(THEMES), { error: 'Thème inconnu.' })).max(THEMES.length);
const partners = z
  .array(safe(PROJECT_LIMITS.partnerChars, 'Un partenaire').pipe(z.string().min(1, { error: 'Un partenaire sans nom.' })))
  .max(PROJECT_LIMITS.partners, { error: `Au plus ${PROJECT_LIMITS.partners} partenaires.` });
const sessionIds = z
  .array(z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, { error: "Identifiant d'atelier invalide." }))
  .max(PROJECT_LIMITS.sessionsPerChange, { error: `Au plus ${PROJECT_LIMITS.sessionsPerChange} ateliers à la fois.` });

export const projectCreateSchema = z
  .object({
    title,
    description: description.default(''),
    territory: territory.default(null),
    themes: themes.default([]),
    partners: partners.default([]),
    /** Required when the instance sets FACILITATOR_PASSWORD. */
    password: z.string().max(200).optional(),
  })
  .strict();
export type ProjectCreate = z.infer<typeof projectCreateSchema>;

export const projectPatchSchema = z
  .object({
    title: title.optional(),
    description: description.optional(),
    territory: territory.optional(),
    themes: themes.optional(),
    partners: partners.optional(),
    /** Sessions this device facilitates, to bring into the project. */
    attachSessionIds: sessionIds.optional(),
    detachSessionIds: sessionIds.optional(),
    /** Into the public bank with its finished workshops (each anonymised), or out of it with them. */
    published: z.boolean({ error: 'Valeur attendue : vrai ou faux.' }).optional(),
  })
  .strict();
export type ProjectPatch = z.infer<typeof projectPatchSchema>;

export const projectQuery = z.object({ q: z.string().trim().max(200).optional() });

const evidenceLink = z.discriminatedUnion('kind', [
  z.object({
    kind: z.enum(['note', 'suite']),
    sessionId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, { error: "Identifiant d'atelier invalide." }),
    targetId: z.string().min(1).max(120),
    label: safe(200, 'Le libellé du lien'),
  }),
  z.object({
    kind: z.literal('url'),
    url: z.url({ protocol: /^https?$/, error: 'Lien attendu en http(s)://…' }).max(2_000),
    label: safe(200, 'Le libellé du lien'),
  }),
]);

const criterionUpdate = z
  .object({
    level: z.enum(LEVELS, { error: 'Niveau attendu : a_construire, en_construction ou affirme.' }).nullable().optional(),
    evidence: description.pipe(
      z.string().max(PROJECT_LIMITS.evidenceChars, { error: `La preuve fait au plus ${PROJECT_LIMITS.evidenceChars} caractères.` }),
    ).optional(),
    links: z.array(evidenceLink).max(PROJECT_LIMITS.linksPerCriterion).optional(),
  })
  .strict();

const storedCriterion = z.object({
  level: z.enum(LEVELS).nullable(),
  evidence: z.string().max(PROJECT_LIMITS.evidenceChars),
  links: z.array(evidenceLink).max(PROJECT_LIMITS.linksPerCriterion),
});

/** A dated assessment as archives carry it. */
export const assessmentSchema = z.object({
  id: z.string().min(1).max(64),
  at: z.iso.datetime({ error: 'Date attendue au format ISO.' }),
  sessionId: z.string().max(64).nullable(),
  criteria: z.record(z.enum(CRITERION_IDS, { error: 'Critère inconnu.' }), storedCriterion),
});

/** An update of the grid: only the criteria it names change; the others keep their last assessment. */
export const characterisationSchema = z
  .object({
    criteria: z.partialRecord(z.enum(CRITERION_IDS, { error: 'Critère inconnu.' }), criterionUpdate),
    /** The workshop it was assessed in (one of the project's). */
    sessionId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/).nullable().default(null),
  })
  .strict()
  .refine((u) => Object.keys(u.criteria).length > 0, { error: 'Rien à enregistrer : renseignez au moins un critère.' });
export type CharacterisationUpdate = z.infer<typeof characterisationSchema>;

const sourceRef = z.object({
  sessionId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, { error: "Identifiant d'atelier invalide." }),
  kind: z.enum(['note', 'suite']),
  id: z.string().min(1).max(120),
});

/** Notes or suites of earlier workshops of the project, to start a new board with, in one zone. */
export const carryOverSchema = z.object({
  items: z
    .array(sourceRef)
    .min(1, { error: 'Choisissez au moins une idée à reprendre.' })
    .max(PROJECT_LIMITS.carriedPerSession, { error: `Au plus ${PROJECT_LIMITS.carriedPerSession} idées reprises.` }),
  /** The zone of the new board, by the template that drew it and the zone's id in that template. */
  target: z.object({ templateId: z.string().min(1).max(120), zoneId: z.string().min(1).max(120) }),
});
export type CarryOver = z.infer<typeof carryOverSchema>;

export const PROJECT_ARCHIVE_FORMAT = 'trame-project-archive';
export const PROJECT_ARCHIVE_VERSION = 1;

/**
 * A project with its workshops, each a full session archive (shared/archiveSchema.ts, checked one by one on
 * import) under the id it had, so carried notes and evidence links are pointed at the imported copies.
 */
export const projectArchive = z.object({
  format: z.literal(PROJECT_ARCHIVE_FORMAT, { error: "Ce fichier n'est pas une archive de démarche Trame." }),
  version: z.literal(PROJECT_ARCHIVE_VERSION, { error: "Version d'archive non prise en charge." }),
  exportedAt: z.string(),
  project: z.object({
    title,
    description: description.default(''),
    territory: territory.default(null),
    themes: themes.default([]),
    partners: partners.default([]),
    createdAt: z.string(),
    assessments: z.array(assessmentSchema).max(PROJECT_LIMITS.assessments).default([]),
  }),
  sessions: z
    .array(z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/), archive: z.unknown() }))
    .max(PROJECT_LIMITS.sessionsPerChange, { error: `Au plus ${PROJECT_LIMITS.sessionsPerChange} ateliers par démarche.` }),
});
export type ProjectArchive = z.infer<typeof projectArchive>;
