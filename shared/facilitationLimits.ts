/** Facilitation limits shared by client validation and server enforcement. */
export const TIMER_MAX_MS = 4 * 60 * 60_000;
export const TIMER_EXTRA_MS = 60_000;
/** The timer durations offered in one click, in minutes. */
export const TIMER_PRESETS_MINUTES = [1, 3, 5, 10, 15, 20] as const;
export const TIMER_WARNING_MS = 10_000;

export const STEPS_MAX = 50;
export const STEP_TITLE_MAX_LENGTH = 120;
export const STEP_INSTRUCTION_MAX_LENGTH = 2_000;
/** As templates allow (shared/templateSchema.ts). */
export const STEP_MINUTES_MAX = 600;

export const VOTE_BUDGET_MIN = 1;
export const VOTE_BUDGET_MAX = 99;
export const VOTE_DEFAULT_BUDGET = 5;
export const VOTE_DEFAULT_MAX_PER_NOTE = 3;

/** A private note as JSON; a tldraw note with a long text stays well under this. */
export const PRIVATE_NOTE_MAX_BYTES = 20_000;
export const PRIVATE_NOTES_PER_PARTICIPANT_MAX = 200;

/** How often the leader's camera is sent while everyone follows. */
export const FOLLOW_CAMERA_INTERVAL_MS = 150;
