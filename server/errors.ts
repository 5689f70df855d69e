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
