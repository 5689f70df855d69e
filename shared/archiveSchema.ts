/**
 * A full-session archive: metadata and board state, the backup and migration
 * path between Trame instances. Tokens are never exported: importing gives
 * the session a new facilitator token.
 */
import { isSafeText, UNSAFE_TEXT_MESSAGE } from './safeText.js';
import { z } from 'zod';
import { emptyDescription, sessionDescription } from './sessionSchemas.js';
import { COLLEGES, ROLES, SESSION_STATUSES } from './roles.js';
import { SESSION_TITLE_MAX_LENGTH } from './limits.js';
import { stepSchema } from './facilitation.js';
import { archivedAsset } from './archivedAsset.js';

export const ARCHIVE_FORMAT = 'trame-session-archive';
export const ARCHIVE_VERSION = 1;

/**
 * A step of the déroulé: archives before the déroulé was editable hold the templates' steps (no id, a template
 * and canvas each); later ones hold the steps as the facilitator left them. Both read here.
 */
const archivedStep = stepSchema.extend({
  title: stepSchema.shape.title.refine(isSafeText, { error: UNSAFE_TEXT_MESSAGE }),
  templateId: z.string().max(120).optional(),
});

export const sessionArchive = z.object({
  format: z.literal(ARCHIVE_FORMAT, { error: "Ce fichier n'est pas une archive de séance Trame." }),
  version: z.literal(ARCHIVE_VERSION, { error: "Version d'archive non prise en charge." }),
  exportedAt: z.string(),
  session: z.object({
    title: z.string().trim().min(1).max(SESSION_TITLE_MAX_LENGTH).refine(isSafeText, { error: UNSAFE_TEXT_MESSAGE }),
    createdAt: z.string(),
    status: z.enum(SESSION_STATUSES),
    colorByCollege: z.boolean(),
    description: sessionDescription.partial().default(emptyDescription()),
    templateIds: z.array(z.string().max(120)).max(50).default([]),
    steps: z.array(archivedStep).max(500).default([]),
    participants: z
      .array(z.object({ role: z.enum(ROLES), pseudonym: z.string().max(40).refine(isSafeText, { error: UNSAFE_TEXT_MESSAGE }), college: z.enum(COLLEGES).nullable() }))
      .max(10_000),
  }),
  /** The board as one Yjs update (V1), base64. */
  board: z.string().min(1, { error: 'Le tableau est vide.' }).regex(/^[A-Za-z0-9+/]+=*$/, { error: "Le tableau n'est pas du base64 valide." }),
  /** Images of the board (absent in archives from before images); their URLs in the board name the old session. */
  assets: z.array(archivedAsset).max(500).default([]),
  /** Facilitation state (timer, steps, votes), as the facilitation store keeps it. */
  facilitation: z.unknown().optional(),
});
export type SessionArchive = z.infer<typeof sessionArchive>;
