/** What an upload or a read of an image answers when it cannot be done, in French for the board's message. */
import { ApiError } from '../errors.js';

export const assetTypeRefused = () =>
  new ApiError(
    415,
    'asset_type_refused',
    'Ce type de fichier n’est pas accepté : choisissez une image JPEG, PNG, WebP, GIF ou SVG.',
  );

export const assetPdfRefused = () =>
  new ApiError(
    415,
    'asset_type_refused',
    'Les PDF ne sont pas acceptés sur le tableau : enregistrez la page voulue en image (PNG ou JPEG), puis déposez cette image.',
  );

export const assetUnreadable = () =>
  new ApiError(422, 'asset_unreadable', 'Cette image est illisible ou abîmée : rien n’a été ajouté au tableau.');

export const assetSvgRefused = () =>
  new ApiError(
    415,
    'asset_type_refused',
    'Ce SVG fait appel à des ressources extérieures ou à des entités : il n’est pas accepté. Exportez-le en PNG.',
  );

export const assetTooLarge = (maxBytes: number) =>
  new ApiError(
    413,
    'asset_too_large',
    `Cette image est trop lourde (plus de ${Math.round(maxBytes / 1_000_000)} Mo) : réduisez-la avant de la déposer.`,
  );

export const assetQuotaExceeded = () =>
  new ApiError(
    413,
    'asset_quota_exceeded',
    'Le tableau de cet atelier a atteint sa place pour les images : supprimez-en ou déposez des images plus légères.',
  );

export const assetNotFound = () => new ApiError(404, 'asset_not_found', "Cette image n'existe pas ou a été supprimée.");

export const assetReadOnly = () =>
  new ApiError(403, 'forbidden', 'Vous ne pouvez pas ajouter d’image à ce tableau (observation, ou séance terminée).');
