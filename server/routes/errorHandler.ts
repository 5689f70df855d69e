import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { ApiErrorBody } from '../../shared/apiErrors.js';
import { ApiError, invalidBody, notFound } from '../errors.js';
import { ThrottledError } from '../http/AttemptThrottle.js';
import type { Logger } from '../logger.js';

export const apiNotFound: RequestHandler = () => {
  throw notFound();
};

export function errorHandler(log: Logger): ErrorRequestHandler {
  return (err, _req, res, _next) => {
    let apiError: ApiError;
    if (err instanceof ApiError) apiError = err;
    else if (err?.type === 'entity.parse.failed') {
      apiError = invalidBody([{ path: '(corps)', message: "Le corps de la requête n'est pas du JSON valide." }]);
    } else if (err?.type === 'entity.too.large') {
      apiError = new ApiError(413, 'payload_too_large', 'La requête est trop volumineuse.');
    } else if (err?.expose && err.status >= 400 && err.status < 500) {
      // The body could not be read as sent (a broken gzip stream, an unknown encoding or charset): the client's fault.
      apiError = invalidBody([{ path: '(corps)', message: "Le corps de la requête est illisible (compression ou encodage invalide)." }]);
    } else {
      log.error({ err }, 'unhandled route error');
      apiError = new ApiError(500, 'internal', 'Une erreur inattendue est survenue.');
    }
    const body: ApiErrorBody = {
      error: {
        code: apiError.code,
        message: apiError.message,
        ...(apiError.fields ? { fields: apiError.fields } : {}),
      },
    };
    if (apiError instanceof ThrottledError) res.setHeader('retry-after', String(Math.ceil(apiError.retryAfterSeconds)));
    res.status(apiError.status).json(body);
  };
}
