/**
 * Builds a template from a session's board: the scaffolding of one canvas
 * (or all of them) becomes the canvas content, the session's déroulé for
 * those canvases becomes the steps. The result is validated by the caller
 * like an imported file.
 */
import { randomBytes } from 'node:crypto';
import { COLLEGES } from '../../shared/roles.js';
import type { SaveBoardAsTemplateBody } from '../../shared/templateApi.js';
import type { Step } from '../../shared/facilitation.js';
import {
  TEMPLATE_FORMAT,
  TEMPLATE_FORMAT_VERSION,
  type Template,
  type TemplateInput,
  type TemplateStep,
} from '../../shared/templateSchema.js';
import type { BoardRecord } from '../../shared/boardLayout.js';
import { scaffoldingToCanvas } from '../board/scaffoldingToCanvas.js';
import { canvasNotFound, invalidBody } from '../errors.js';
import type { SessionRecord } from '../sessions/sessionRecord.js';

/** A readable id from the title, with a random tail so two saves never collide. */
export function templateIdFromTitle(title: string): string {
  const base = title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return `${base || 'modele'}-${randomBytes(2).toString('hex')}`;
}

export function templateFromBoard(
  body: SaveBoardAsTemplateBody,
  session: SessionRecord,
  records: BoardRecord[],
  sources: Template[],
): TemplateInput {
  const canvasIds = body.canvasId ? [body.canvasId] : undefined;
  const canvas = scaffoldingToCanvas(records, canvasIds);
  if (!canvas) {
    if (body.canvasId) throw canvasNotFound();
    throw invalidBody([{ path: 'fromSessionId', message: "Le tableau de cet atelier ne contient aucun canevas à enregistrer." }]);
  }
  const { templateIds, ...content } = canvas;
  const origins = sources.filter((t) => templateIds.includes(t.id));
  const steps = (session.steps ?? []).filter((s) => !canvasIds || (s.canvasId && canvasIds.includes(s.canvasId))).map(templateStepOf);
  const minutes = Math.min(600, Math.max(5, steps.reduce((sum, s) => sum + s.minutes, 0)));
  const contributors = origins.flatMap((t) => t.contributors).filter((c, i, all) => all.findIndex((o) => o.college === c.college) === i);
  return {
    format: TEMPLATE_FORMAT,
    version: TEMPLATE_FORMAT_VERSION,
    id: body.id ?? templateIdFromTitle(body.title),
    title: body.title,
    phase: body.phase,
    purpose: body.description ?? `Canevas enregistré depuis l'atelier « ${session.title} ».`,
    ...(body.description ? { description: body.description } : {}),
    durationMinutes: { min: minutes, max: minutes },
    contributors: contributors.length
      ? contributors
      : COLLEGES.filter((c) => c !== 'autre').map((college) => ({ college, contribution: 'Contribue selon les consignes.' })),
    steps: steps.length
      ? steps
      : [{ title: 'Contribuer', instruction: 'Chacun dépose ses post-its dans les zones du canevas, puis le groupe en discute.', minutes }],
    ...(origins.length
      ? { inspiration: { credit: origins.map((t) => `D'après « ${t.title} » : ${t.inspiration?.credit ?? 'modèle de la bibliothèque Trame.'}`).join(' '), sources: [...new Set(origins.flatMap((t) => t.inspiration?.sources ?? []))].slice(0, 10) } }
      : {}),
    canvas: content,
  };
}

/**
 * A step of the déroulé as a template writes it: the facilitator may have left a step without minutes or
 * instruction, or given its vote settings, which a template file states more simply.
 */
function templateStepOf(step: Step): TemplateStep {
  return {
    title: step.title,
    instruction: step.instruction.trim() || step.title,
    minutes: Math.max(1, step.minutes),
    ...(step.privateWriting !== undefined ? { privateWriting: step.privateWriting } : {}),
    ...(step.voting !== undefined ? { voting: step.voting !== false } : {}),
    ...(step.pauseBoard !== undefined ? { pauseBoard: step.pauseBoard } : {}),
  };
}
