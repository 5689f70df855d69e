/**
 * Named error factories: routes throw these, one middleware presents them as
 * `{ error: { code, message } }` with a French message.
 */
import type { ApiErrorCode } from '../shared/apiErrors.js';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
    readonly fields?: { path: string; message: string }[],
  ) {
    super(message);
  }
}

export const sessionNotFound = () =>
  new ApiError(404, 'session_not_found', "Cet atelier n'existe pas ou a été supprimé.");

export const notFound = () => new ApiError(404, 'not_found', "Cette adresse n'existe pas.");

export const invalidBody = (fields: { path: string; message: string }[]) =>
  new ApiError(400, 'invalid_body', 'La requête est invalide : ' + fields.map((f) => f.message).join(' '), fields);

export const storageUnavailable = () =>
  new ApiError(503, 'storage_unavailable', "L'enregistrement est momentanément impossible. Réessayez dans un instant.");

export const unauthorized = () =>
  new ApiError(401, 'unauthorized', "Votre lien d'accès n'est pas valide ou a été révoqué.");

export const forbidden = () =>
  new ApiError(403, 'forbidden', "Cette action est réservée à l'animation de l'atelier.");

export const ownerOnly = () =>
  new ApiError(403, 'owner_only', "Seule la personne qui a créé l'atelier peut le supprimer ou le dupliquer.");

export const ownerNotRevocable = () =>
  new ApiError(403, 'owner_not_revocable', "La personne qui a créé l'atelier ne peut pas en être retirée.");

export const participantsOnly = () =>
  new ApiError(403, 'participants_only', "Seules les personnes participantes ont des contributions à supprimer.");

export const passwordRequired = () =>
  new ApiError(401, 'password_required', "Le mot de passe d'animation est incorrect ou manquant.");

export const facilitatorRequired = () =>
  new ApiError(
    401,
    'facilitator_required',
    "Cette action est réservée à l'animation : ouvrez-la depuis l'appareil qui a créé un atelier, ou saisissez le mot de passe d'animation.",
  );

export const joinCodeNotFound = () =>
  new ApiError(404, 'join_code_not_found', "Aucun atelier ne correspond à ce code. Vérifiez les six caractères.");

export const sessionClosed = () =>
  new ApiError(410, 'session_closed', "Cette séance est terminée : il n'est plus possible de la rejoindre.");

export const participantNotFound = () =>
  new ApiError(404, 'participant_not_found', "Cette personne ne participe pas à l'atelier.");

export const notPublishable = () =>
  new ApiError(409, 'not_publishable', 'Seule une séance terminée ou archivée peut être publiée dans la banque.');

export const projectNotPublishable = () =>
  new ApiError(409, 'project_not_publishable', "Terminez au moins un atelier de la démarche avant de la publier dans la banque.");

export const templateNotFound = () =>
  new ApiError(404, 'template_not_found', "Ce modèle n'existe pas dans la bibliothèque.");

export const templateReadOnly = (id: string) =>
  new ApiError(409, 'template_read_only', `« ${id} » est un modèle fourni avec Trame : il ne peut pas être remplacé. Choisissez un autre identifiant.`);

export const canvasNotFound = () =>
  new ApiError(404, 'canvas_not_found', "Ce canevas n'existe pas sur le tableau de cet atelier.");

export const suiteNotFound = () => new ApiError(404, 'suite_not_found', "Cette suite n'existe pas dans cet atelier.");

export const suiteReasonRequired = () =>
  new ApiError(400, 'suite_reason_required', 'Une raison est obligatoire pour une idée « non retenue » : les participant·es y ont droit.');

export const suiteNotesNotFound = (ids: string[]) =>
  new ApiError(404, 'suite_notes_not_found', `Ces notes ne sont pas (ou plus) sur le tableau : ${ids.join(', ')}.`);

export const suiteNoteNotOnMap = () =>
  new ApiError(400, 'suite_note_not_on_map', "Cette note n'est pas posée sur une carte : choisissez une note sur un fond de carte, ou saisissez la latitude et la longitude.");

export const tooManySuites = (max: number) =>
  new ApiError(409, 'too_many_suites', `Un atelier compte au plus ${max} suites.`);

export const projectNotFound = () =>
  new ApiError(404, 'project_not_found', "Cette démarche n'existe pas, ou cet appareil n'en a pas la clé.");

export const projectSessionNotFound = (ids: string[]) =>
  new ApiError(
    404,
    'project_session_not_found',
    `Ces ateliers n'existent pas, ne sont pas animés depuis cet appareil ou n'appartiennent pas à la démarche : ${ids.join(', ')}.`,
  );

export const carriedSourceNotFound = (refs: string[]) =>
  new ApiError(404, 'carried_source_not_found', `Ces idées ne sont plus dans leur atelier : ${refs.join(', ')}. Rien n'a été repris.`);

export const carryTargetNotFound = () =>
  new ApiError(404, 'carry_target_not_found', "Cette zone n'est pas sur le tableau du nouvel atelier : choisissez une zone d'un canevas de l'atelier.");
