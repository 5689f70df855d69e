/** Limits shared by client validation and server enforcement. */
export const SESSION_TITLE_MAX_LENGTH = 200;
export const PSEUDONYM_MAX_LENGTH = 40;
