import type { ErrorCode } from './errorCodes.js';

/**
 * The error body every API route answers with, and the codes a client can
 * rely on. Messages are French; the client translates by code.
 */
export interface ApiErrorBody {
  error: {
    code: ApiErrorCode;
    message: string;
    /** For validation errors: the faulty field paths and what is wrong. */
    fields?: { path: string; message: string }[];
  };
}

/** Every API error code is one of Trame's error codes (`shared/errorCodes.ts`). */
export type ApiErrorCode = ErrorCode;
