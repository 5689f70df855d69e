/** Named refusals of facilitation commands, answered through the command's acknowledgement. */
import type { ErrorCode } from '../../shared/errorCodes.js';

export class FacilitationError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export const facilitatorOnly = () =>
  new FacilitationError('forbidden', "Cette action est réservée à l'animation de l'atelier.");
export const participantsOnly = () =>
  new FacilitationError('forbidden', 'Cette action est réservée aux participant·es.');
export const invalidNote = () => new FacilitationError('invalid_note', 'Contenu refusé : cette note n’est pas valide.');
export const noTimer = () => new FacilitationError('no_timer', "Aucun minuteur n'est lancé.");
export const stepNotFound = () => new FacilitationError('step_not_found', "Cette étape n'existe pas.");
export const voteNotOpen = () => new FacilitationError('vote_not_open', "Aucun vote n'est ouvert.");
export const voteAlreadyOpen = () =>
  new FacilitationError('vote_already_open', 'Un vote est déjà ouvert : fermez-le avant d’en ouvrir un autre.');
export const budgetExceeded = () =>
  new FacilitationError('budget_exceeded', 'Vous avez utilisé toutes vos gommettes.');
export const noteLimitReached = () =>
  new FacilitationError('note_limit_reached', 'Vous avez mis le maximum de gommettes sur cette note.');
export const noDotOnNote = () => new FacilitationError('no_dot_on_note', "Vous n'avez pas de gommette sur cette note.");
export const noteNotFound = () => new FacilitationError('note_not_found', "Cette note n'existe pas (ou plus).");
export const noteNotOnCanvas = () =>
  new FacilitationError('note_not_on_canvas', "Cette note n'est pas sur le canevas soumis au vote.");
export const notPrivateStep = () =>
  new FacilitationError('not_private_step', "L'écriture individuelle n'est pas en cours.");
export const boardPaused = () =>
  new FacilitationError('board_paused', "Le tableau est en pause : attendez la reprise.");
export const boardReadOnly = () => new FacilitationError('board_read_only', 'Le tableau est en lecture seule.');
export const zoneNotFound = () => new FacilitationError('zone_not_found', 'Cette zone n’existe pas (ou plus) sur le tableau.');
export const tooManyNotes = () =>
  new FacilitationError('too_many_notes', 'Vous avez atteint le nombre maximal de notes privées.');
export const noteExists = () => new FacilitationError('note_exists', 'Cette note est déjà sur le tableau.');
export const notAuthor = () => new FacilitationError('not_author', "Cette note n'est pas la vôtre.");
export const facilitationSessionNotFound = () =>
  new FacilitationError('session_not_found', "Cet atelier n'existe pas ou a été supprimé.");
