/**
 * Trame's one error vocabulary: every code the API (`{ error: { code, message } }`) and the socket
 * commands (`{ ok: false, code, message }`) can answer with. The server's message is French; the client
 * shows it in French and translates the code otherwise (`apiErrors.<code>` in client/i18n/locales), so a
 * code added here needs its two translations (test/unit/errorCodes.test.ts checks).
 */
export const ERROR_CODES = [
  // Requests and access
  'invalid_body',
  'invalid_payload',
  'not_found',
  'unauthorized',
  'forbidden',
  'password_required',
  'facilitator_required',
  'too_many_attempts',
  'payload_too_large',
  'internal',
  'storage_unavailable',
  // Sessions, joining, the bank
  'session_not_found',
  'join_code_not_found',
  'session_closed',
  'participant_not_found',
  'owner_only',
  'owner_not_revocable',
  'participants_only',
  'not_publishable',
  'invalid_archive',
  // Templates and canvases
  'template_not_found',
  'template_read_only',
  'canvas_not_found',
  // Suites (what became of the ideas)
  'suite_not_found',
  'suite_reason_required',
  'suite_notes_not_found',
  'suite_note_not_on_map',
  'too_many_suites',
  // Projects (« démarches ») and carried ideas
  'project_not_found',
  'project_session_not_found',
  'carried_source_not_found',
  'carry_target_not_found',
  'project_not_publishable',
  // Images
  'asset_type_refused',
  'asset_unreadable',
  'asset_too_large',
  'asset_quota_exceeded',
  'asset_not_found',
  // Exports
  'pdf_unavailable',
  'pdf_timeout',
  'pdf_busy',
  'pdf_failed',
  // Facilitation commands
  'no_timer',
  'step_not_found',
  'vote_not_open',
  'vote_already_open',
  'budget_exceeded',
  'note_limit_reached',
  'no_dot_on_note',
  'note_not_found',
  'note_not_on_canvas',
  'not_private_step',
  'board_paused',
  'too_many_notes',
  'note_exists',
  'not_author',
  'invalid_note',
  'zone_not_found',
  'board_read_only',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** A refusal as both transports carry it. */
export interface Refusal {
  code: ErrorCode;
  /** French, for logs and the French interface. */
  message: string;
}
