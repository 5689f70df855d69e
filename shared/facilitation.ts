/**
 * Facilitation payloads (timer, steps, follow-me, dot voting, private
 * writing, pause): the zod schemas the server parses every inbound payload
 * with, and the state it sends back. Event names are in socketEvents.ts.
 */
import { z } from 'zod';
import {
  PRIVATE_NOTE_MAX_BYTES,
  STEPS_MAX,
  STEP_INSTRUCTION_MAX_LENGTH,
  STEP_MINUTES_MAX,
  STEP_TITLE_MAX_LENGTH,
  TIMER_MAX_MS,
  VOTE_BUDGET_MAX,
  VOTE_BUDGET_MIN,
} from './facilitationLimits.js';
import type { BoardRecord } from './boardLayout.js';
import type { TimerState } from './timer.js';
import type { RankedNote, VoteSettings } from './votes.js';

export const empty = z.object({}).strict();

export const timerStartPayload = z.object({
  durationMs: z
    .number({ error: 'Durée attendue en millisecondes.' })
    .int()
    .min(1_000, { error: "La durée doit être d'au moins une seconde." })
    .max(TIMER_MAX_MS, { error: 'La durée ne peut pas dépasser quatre heures.' }),
});

export const voteSettingsSchema = z.object({
  canvasId: z.string().min(1).max(100).nullable(),
  budget: z
    .number()
    .int()
    .min(VOTE_BUDGET_MIN, { error: 'Au moins une gommette par personne.' })
    .max(VOTE_BUDGET_MAX, { error: `Au plus ${VOTE_BUDGET_MAX} gommettes par personne.` }),
  maxPerNote: z.number().int().min(1, { error: 'Au moins une gommette par note.' }).max(VOTE_BUDGET_MAX),
  showTotals: z.boolean(),
});

/** One step of the déroulé, as templates and the facilitator write it. */
export const stepSchema = z.object({
  id: z.string().min(1).max(40).optional(),
  title: z
    .string()
    .trim()
    .min(1, { error: "Donnez un titre à l'étape." })
    .max(STEP_TITLE_MAX_LENGTH, { error: `Le titre d'une étape ne peut pas dépasser ${STEP_TITLE_MAX_LENGTH} caractères.` }),
  instruction: z.string().max(STEP_INSTRUCTION_MAX_LENGTH).default(''),
  minutes: z.number().int().min(0).max(STEP_MINUTES_MAX).default(0),
  privateWriting: z.boolean().optional(),
  /** Opens a vote on entering the step: `true` for the default settings, or some of them. */
  voting: z.union([z.boolean(), voteSettingsSchema.partial()]).optional(),
  pauseBoard: z.boolean().optional(),
  /** The canvas a template's step belongs to: a vote it opens covers that canvas. */
  canvasId: z.string().min(1).max(100).optional(),
});
export type StepInput = z.input<typeof stepSchema>;
/**
 * A step of a session's déroulé, as stored (in the session record) and shown. `templateId` names the template
 * that brought it; the server keeps it when the facilitator edits the step, clients never set it.
 */
export type Step = z.output<typeof stepSchema> & { id: string; templateId?: string };

export const stepsSetPayload = z.object({
  steps: z.array(stepSchema).max(STEPS_MAX, { error: `Au plus ${STEPS_MAX} étapes.` }),
});

export const stepsGoPayload = z.object({
  index: z.number().int().min(0),
  /** Starts the step's timer for its minutes. */
  startTimer: z.boolean().default(false),
});

export const pauseSetPayload = z.object({ paused: z.boolean() });

export const privateWritingSetPayload = z.object({ enabled: z.boolean() });

export const cameraBoundsSchema = z.object({
  x: z.number(),
  y: z.number(),
  w: z.number().positive(),
  h: z.number().positive(),
});
export type CameraBounds = z.infer<typeof cameraBoundsSchema>;

export const shapeIdSchema = z.string().regex(/^shape:[\w-]{1,80}$/, { error: 'Identifiant de note invalide.' });
export const votePayload = z.object({ shapeId: shapeIdSchema });
/** A zone to grow by one row of notes: it is full (the server checks). */
export const zoneGrowPayload = z
  .object({ zoneShapeId: z.string().regex(/^shape:[\w.-]{1,120}$/, { error: 'Identifiant de zone invalide.' }) })
  .strict();

/** A tldraw note record, loosely: the server checks its type, id and size, not tldraw's whole schema. */
export const privateNoteSchema = z
  .looseObject({
    id: shapeIdSchema,
    typeName: z.literal('shape'),
    type: z.literal('note', { error: 'Seules les notes peuvent être privées.' }),
    props: z.record(z.string(), z.unknown()),
    meta: z.record(z.string(), z.unknown()).default({}),
  })
  .refine((record) => JSON.stringify(record).length <= PRIVATE_NOTE_MAX_BYTES, {
    error: 'Cette note est trop longue.',
  });
export const privateUpsertPayload = z.object({ record: privateNoteSchema });
export const privateDeletePayload = z.object({ id: shapeIdSchema });

/** The vote as one viewer sees it. */
export interface VoteView extends VoteSettings {
  id: string;
  status: 'open' | 'closed';
  /** Dots per note: while open, only when totals are visible to this viewer; after closing, for everyone. */
  totals: Record<string, number> | null;
  /** This viewer's own dots. */
  myDots: Record<string, number>;
  remaining: number;
  /** How many people have placed at least one dot. */
  voters: number;
  /** The ranked results, once closed. */
  results: RankedNote[] | null;
}

/** Everything a client renders about facilitation, as state. */
export interface FacilitationView {
  /** The server's clock when this was sent, so clients correct their own clock's offset. */
  serverNow: number;
  timer: TimerState | null;
  steps: Step[];
  /** Index in `steps`, or -1 before the first step. */
  currentStep: number;
  paused: boolean;
  privateWriting: boolean;
  /** How many private notes wait for the reveal (facilitators only; 0 for others). */
  privateNoteCount: number;
  follow: { leaderId: string; leaderName: string } | null;
  vote: VoteView | null;
}

/** Private notes visible to this client: its own, or everyone's for facilitators. */
export type PrivateNotes = BoardRecord[];

/**
 * What changed among the private notes this client may see: notes written or changed (whole), and ids of notes
 * deleted or revealed. Sent instead of the whole list, which every note re-sent to every facilitator.
 */
export interface PrivateNotesChange {
  upserted: BoardRecord[];
  removed: string[];
}
