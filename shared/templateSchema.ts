/**
 * A canvas template: what a facilitator picks in the library, what the
 * server draws on a board, and the file format of export/import.
 *
 * Canvas content is declarative and sits on a grid: every coordinate and size
 * is in grid units of TEMPLATE_GRID_PX pixels, relative to the canvas's top
 * left corner. A tldraw note is 2 × 2 units, so a zone for thirty notes is
 * about 12 × 10.
 */
import { isSafeText, UNSAFE_TEXT_MESSAGE } from './safeText.js';
import { z } from 'zod';
import {
  SESSION_TITLE_MAX_LENGTH,
  TEMPLATE_MAX_BACKGROUNDS,
  TEMPLATE_MAX_ELEMENTS,
  TEMPLATE_MAX_SIDE,
  TEMPLATE_MAX_STEPS,
  TEMPLATE_TEXT_MAX_LENGTH,
} from './limits.js';
import { archivedAsset } from './archivedAsset.js';
import { ASSET_ID_PATTERN } from './assetUrls.js';
import { isMapBounds, type MapBounds } from './mapProjection.js';
import { COLLEGES } from './roles.js';
import { PHASE_IDS } from './taxonomy.js';

export const TEMPLATE_GRID_PX = 100;
export const TEMPLATE_FORMAT = 'trame-template';
export const TEMPLATE_FORMAT_VERSION = 1;

/** tldraw's palette: colours name what a zone means (favourable, risk, people…), not decoration. */
export const TEMPLATE_COLORS = [
  'black', 'grey', 'light-violet', 'violet', 'blue', 'light-blue', 'yellow',
  'orange', 'green', 'light-green', 'light-red', 'red', 'white',
] as const;
export type TemplateColor = (typeof TEMPLATE_COLORS)[number];

/** "Missing" and "wrong type" are different mistakes in an imported file: say which. */
const required = (expected: string) => (issue: { input: unknown }) =>
  issue.input === undefined ? 'Ce champ est obligatoire.' : expected;

const text = (max = TEMPLATE_TEXT_MAX_LENGTH) =>
  z
    .string({ error: required('Un texte attendu.') })
    .trim()
    .min(1, { error: 'Ce texte ne peut pas être vide.' })
    .max(max, { error: `Ce texte ne peut pas dépasser ${max} caractères.` });

const units = z
  .number({ error: required('Un nombre attendu.') })
  .min(0, { error: 'Une position ne peut pas être négative.' })
  .max(TEMPLATE_MAX_SIDE, { error: `Une position ne peut pas dépasser ${TEMPLATE_MAX_SIDE} unités.` });
const side = z
  .number({ error: required('Un nombre attendu.') })
  .min(1, { error: 'Une taille fait au moins 1 unité.' })
  .max(TEMPLATE_MAX_SIDE, { error: `Une taille ne peut pas dépasser ${TEMPLATE_MAX_SIDE} unités.` });
const color = z.enum(TEMPLATE_COLORS, { error: `Couleur inconnue : ${TEMPLATE_COLORS.join(', ')}.` });
const point = z.tuple([units, units], { error: 'Un point [x, y] attendu.' });
const slug = z
  .string({ error: required('Un identifiant attendu.') })
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'Identifiant en minuscules, chiffres et tirets.' })
  .max(64, { error: 'Identifiant trop long (64 caractères au plus).' });

/**
 * An image laid under a zone's notes (a plan, a map of the territory). The
 * image is stored beside the template, never in it; an exported file carries
 * it in `assets`.
 */
export const zoneBackground = z.object(
  {
    assetId: z.string().regex(ASSET_ID_PATTERN, { error: "Identifiant d'image invalide." }),
    /** The image's own size in pixels: a plan keeps its proportions in the zone. */
    width: z.number().int().positive().max(20_000),
    height: z.number().int().positive().max(20_000),
    /** A map's edges on Earth, so that notes placed on it have coordinates. */
    map: z.custom<MapBounds>(isMapBounds, { error: 'Emprise de carte invalide (ouest, sud, est, nord en degrés).' }).optional(),
  },
  { error: required('Un objet { assetId, width, height } attendu.') },
);

/** An area where participants put notes; its label sits at the top. */
export const zoneElement = z.object({
  kind: z.literal('zone'),
  id: slug,
  label: text(200),
  /** A short prompt under the label (question to answer, example). */
  hint: text(300).optional(),
  x: units,
  y: units,
  w: side,
  h: side,
  color,
  /** Ellipses nest (rings): a note belongs to the smallest zone containing it. */
  outline: z.enum(['rectangle', 'ellipse'], { error: 'Contour attendu : rectangle ou ellipse.' }).default('rectangle'),
  /** Swimlanes read better with their name on the left. */
  labelAlign: z.enum(['start', 'middle'], { error: 'Alignement attendu : start ou middle.' }).default('middle'),
  background: zoneBackground.optional(),
});

/** Free text: axis names, legends, rules shown to everyone. */
export const labelElement = z.object({
  kind: z.literal('label'),
  text: text(600),
  x: units,
  y: units,
  w: side,
  size: z.enum(['s', 'm', 'l', 'xl'], { error: 'Taille attendue : s, m, l ou xl.' }).default('m'),
  color: color.default('black'),
  align: z.enum(['start', 'middle', 'end'], { error: 'Alignement attendu : start, middle ou end.' }).default('start'),
});

/** An axis, a flow between columns, or (without head) a separator. */
export const arrowElement = z.object({
  kind: z.literal('arrow'),
  from: point,
  to: point,
  head: z.enum(['arrow', 'none'], { error: 'Pointe attendue : arrow ou none.' }).default('arrow'),
  dash: z.enum(['solid', 'dashed', 'dotted'], { error: 'Trait attendu : solid, dashed ou dotted.' }).default('solid'),
  color: color.default('grey'),
  label: text(120).optional(),
});

/** An example note showing what to write; participants write their own beside it. */
export const placeholderElement = z.object({
  kind: z.literal('placeholder'),
  text: text(200),
  x: units,
  y: units,
  color: color.default('yellow'),
  /** The size of the canvas's notes, 1 being tldraw's (2 × 2 units): new notes on the canvas get it too. */
  scale: z.number({ error: 'Échelle attendue : un nombre.' }).min(1, { error: 'Échelle entre 1 et 2.' }).max(2, { error: 'Échelle entre 1 et 2.' }).default(1),
});

export const templateElement = z.discriminatedUnion('kind', [zoneElement, labelElement, arrowElement, placeholderElement], {
  error: "Type d'élément inconnu : zone, label, arrow ou placeholder.",
});

export const templateStep = z.object(
  {
    title: text(120).refine(isSafeText, { error: UNSAFE_TEXT_MESSAGE }),
    instruction: text(),
    minutes: z
      .number({ error: required('Un nombre de minutes attendu.') })
      .int({ error: 'Un nombre entier de minutes.' })
      .min(1, { error: 'Au moins une minute.' })
      .max(600, { error: 'Au plus 600 minutes.' }),
    /** Everyone writes alone, notes hidden from others, before sharing. */
    privateWriting: z.boolean({ error: 'Vrai ou faux attendu.' }).optional(),
    /** The step ends with a dot vote. */
    voting: z.boolean({ error: 'Vrai ou faux attendu.' }).optional(),
    /** The board is frozen while the group listens or discusses. */
    pauseBoard: z.boolean({ error: 'Vrai ou faux attendu.' }).optional(),
  },
  { error: 'Une étape { title, instruction, minutes } attendue.' },
);

const contributor = z.object(
  {
    college: z.enum(COLLEGES, { error: `Collège attendu : ${COLLEGES.join(', ')}.` }),
    contribution: text(300),
  },
  { error: 'Un objet { college, contribution } attendu.' },
);

const canvas = z
  .object(
    {
      width: side,
      height: side,
      elements: z
        .array(templateElement, { error: 'Une liste d’éléments attendue.' })
        .min(1, { error: 'Le canevas doit contenir au moins un élément.' })
        .max(TEMPLATE_MAX_ELEMENTS, { error: `Au plus ${TEMPLATE_MAX_ELEMENTS} éléments.` }),
    },
    { error: required('Un objet { width, height, elements } attendu.') },
  )
  .superRefine((c, ctx) => {
    const seen = new Set<string>();
    c.elements.forEach((el, i) => {
      if (el.kind === 'zone') {
        if (seen.has(el.id)) ctx.addIssue({ code: 'custom', path: ['elements', i, 'id'], message: `La zone « ${el.id} » existe déjà dans ce canevas.` });
        seen.add(el.id);
      }
      const [right, bottom] = elementEnd(el);
      if (right > c.width || bottom > c.height) {
        ctx.addIssue({ code: 'custom', path: ['elements', i], message: 'Cet élément dépasse du canevas.' });
      }
    });
    if (seen.size === 0) ctx.addIssue({ code: 'custom', path: ['elements'], message: 'Le canevas doit contenir au moins une zone.' });
    const backgrounds = c.elements.filter((el) => el.kind === 'zone' && el.background).length;
    if (backgrounds > TEMPLATE_MAX_BACKGROUNDS) {
      ctx.addIssue({ code: 'custom', path: ['elements'], message: `Au plus ${TEMPLATE_MAX_BACKGROUNDS} zones avec une image de fond.` });
    }
  });

export const templateSchema = z.object(
  {
    format: z.literal(TEMPLATE_FORMAT, { error: `Ce fichier n'est pas un modèle Trame (format « ${TEMPLATE_FORMAT} » attendu).` }),
    version: z.literal(TEMPLATE_FORMAT_VERSION, { error: `Version de format ${TEMPLATE_FORMAT_VERSION} attendue.` }),
    id: slug,
    title: text(SESSION_TITLE_MAX_LENGTH).refine(isSafeText, { error: UNSAFE_TEXT_MESSAGE }),
    phase: z.enum(PHASE_IDS, { error: `Phase attendue : ${PHASE_IDS.join(', ')}.` }),
    /** One sentence: what the canvas is for. */
    purpose: text(400),
    /** Longer notes from whoever saved the template. */
    description: text().optional(),
    durationMinutes: z
      .object(
        {
          min: z.number({ error: required('Un nombre attendu.') }).int({ error: 'Un nombre entier de minutes.' }).min(5, { error: 'Au moins 5 minutes.' }),
          max: z.number({ error: required('Un nombre attendu.') }).int({ error: 'Un nombre entier de minutes.' }).max(600, { error: 'Au plus 600 minutes.' }),
        },
        { error: required('Un objet { min, max } attendu.') },
      )
      .refine((d) => d.min <= d.max, { error: 'La durée minimale dépasse la maximale.', path: ['max'] }),
    /** Who contributes and with what (the collèges of shared/roles.ts). */
    contributors: z
      .array(contributor, { error: required('Une liste attendue.') })
      .min(1, { error: 'Indiquez au moins un collège.' })
      .max(COLLEGES.length * 2, { error: 'Trop de collèges.' }),
    /** The déroulé: ordered facilitation steps. */
    steps: z
      .array(templateStep, { error: required('Une liste d’étapes attendue.') })
      .min(1, { error: 'Le déroulé doit compter au moins une étape.' })
      .max(TEMPLATE_MAX_STEPS, { error: `Au plus ${TEMPLATE_MAX_STEPS} étapes.` }),
    /** Credit to the method this canvas is inspired by (never copied text or visuals). */
    inspiration: z
      .object(
        {
          credit: text(600),
          sources: z.array(z.url({ error: 'Adresse web attendue.' }), { error: required('Une liste attendue.') }).max(10, { error: 'Au plus 10 sources.' }),
        },
        { error: required('Un objet { credit, sources } attendu.') },
      )
      .optional(),
    canvas,
  },
  { error: 'Le fichier doit contenir un objet JSON décrivant un modèle.' },
);

export type Template = z.infer<typeof templateSchema>;

/** A template file as exported: the template and the images under its zones. */
export const templateFileAssets = z.array(archivedAsset, { error: 'Une liste d’images attendue.' }).max(TEMPLATE_MAX_BACKGROUNDS, { error: `Au plus ${TEMPLATE_MAX_BACKGROUNDS} images par modèle.` }).default([]);

/** The ids of the images a template's zones lie on. */
export function templateBackgroundIds(template: Template): string[] {
  return template.canvas.elements.flatMap((el) => (el.kind === 'zone' && el.background ? [el.background.assetId] : []));
}
export type TemplateInput = z.input<typeof templateSchema>;
export type TemplateElement = z.infer<typeof templateElement>;
export type ZoneElement = z.infer<typeof zoneElement>;
export type TemplateStep = z.infer<typeof templateStep>;

/** Bottom-right corner of an element, in grid units; a placeholder note is 2 × 2. */
export function elementEnd(el: TemplateElement): [number, number] {
  switch (el.kind) {
    case 'zone':
      return [el.x + el.w, el.y + el.h];
    case 'label':
      return [el.x + el.w, el.y];
    case 'arrow':
      return [Math.max(el.from[0], el.to[0]), Math.max(el.from[1], el.to[1])];
    case 'placeholder':
      return [el.x + 2 * el.scale, el.y + 2 * el.scale];
  }
}
