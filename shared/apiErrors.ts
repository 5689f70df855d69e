/**
 * The error body every API route answers with, and the codes a client can
 * rely on. Messages are French; the client may translate by code.
 */
export interface ApiErrorBody {
  error: {
    code: ApiErrorCode;
    message: string;
    /** For validation errors: the faulty field paths and what is wrong. */
    fields?: { path: string; message: string }[];
  };
}

export type ApiErrorCode =
  | 'invalid_body'
  | 'session_not_found'
  | 'template_not_found'
  | 'template_read_only'
  | 'canvas_not_found'
  | 'not_found'
  | 'unauthorized'
  | 'forbidden'
  | 'password_required'
  | 'facilitator_required'
  | 'too_many_attempts'
  | 'payload_too_large'
  | 'join_code_not_found'
  | 'session_closed'
  | 'participant_not_found'
  | 'not_publishable'
  | 'invalid_archive'
  | 'pdf_unavailable'
  | 'pdf_timeout'
  | 'storage_unavailable'
  | 'asset_type_refused'
  | 'asset_unreadable'
  | 'asset_too_large'
  | 'asset_quota_exceeded'
  | 'asset_not_found'
  | 'internal';
