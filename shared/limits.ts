/** Limits shared by client validation and server enforcement. */
export const SESSION_TITLE_MAX_LENGTH = 200;
export const PSEUDONYM_MAX_LENGTH = 40;
export const TEMPLATE_TEXT_MAX_LENGTH = 2_000;
export const TEMPLATE_MAX_ELEMENTS = 400;
export const TEMPLATE_MAX_STEPS = 30;
/** Canvas sides, in grid units (see TEMPLATE_GRID_PX). */
export const TEMPLATE_MAX_SIDE = 300;
export const SESSION_MAX_TEMPLATES = 20;
