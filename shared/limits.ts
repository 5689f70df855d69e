/** Limits shared by client validation and server enforcement. */
export const SESSION_TITLE_MAX_LENGTH = 200;
export const PSEUDONYM_MAX_LENGTH = 40;
/** A session archive (board and images, base64 in JSON); larger is refused before it is read. */
export const ARCHIVE_MAX_BYTES = 50_000_000;
/** A project's archive holds its workshops' archives. */
export const PROJECT_ARCHIVE_MAX_BYTES = 4 * ARCHIVE_MAX_BYTES;
export const TEMPLATE_TEXT_MAX_LENGTH = 2_000;
export const TEMPLATE_MAX_ELEMENTS = 400;
export const TEMPLATE_MAX_STEPS = 30;
/** Zones of a template that may lie on an image (plan, map). */
export const TEMPLATE_MAX_BACKGROUNDS = 4;
/** Canvas sides, in grid units (see TEMPLATE_GRID_PX). */
export const TEMPLATE_MAX_SIDE = 300;
export const SESSION_MAX_TEMPLATES = 20;
/** Images on boards (see shared/assetUrls.ts): the largest file accepted for upload. */
export const ASSET_UPLOAD_MAX_BYTES = 20_000_000;
/** Images are stored re-encoded, their longest side at most this (a 4K screen's width). */
export const ASSET_MAX_SIDE_PX = 2_560;
/** The phone thumbnail's longest side. */
export const ASSET_THUMBNAIL_SIDE_PX = 480;
/** What the browser may pick for upload; the server decides from the bytes, not from this. */
export const ASSET_ACCEPTED_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'image/svg+xml'] as const;
