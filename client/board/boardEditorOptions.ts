/**
 * What Trame's boards ask of tldraw beyond its defaults, shared by every board that mounts it. Module constants:
 * tldraw builds its editor again when one of these objects changes.
 */
import type { TLCameraOptions } from 'tldraw';
import { DeferredGeoShapeUtil, DeferredNoteShapeUtil } from './deferredLabels.js';

export const boardShapeUtils = [DeferredNoteShapeUtil, DeferredGeoShapeUtil];

/**
 * tldraw's zoom steps without its last (800 %): a note is read at 400 % across a projector's width. tldraw draws
 * the hatched fill's tile once per power of two up to the widest zoom range (last step ÷ first step), light and
 * dark, before the board first shows; at 800 % the largest tile was 2,048 px square, 4,096 on a high-density
 * screen, about a quarter of a second on this project's test machine for a fill few boards use.
 */
export const boardCameraOptions: Partial<TLCameraOptions> = { zoomSteps: [0.05, 0.1, 0.25, 0.5, 1, 2, 4] };
