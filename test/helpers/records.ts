/** Valid tldraw records for tests that write boards through a stock Yjs client. */
import type { BoardRecord } from '../../shared/boardLayout.js';

export const richText = (text: string) => ({
  type: 'doc',
  content: text.split('\n').map((line) => ({ type: 'paragraph', content: line ? [{ type: 'text', text: line }] : [] })),
});

// Above the 'a…' indexes templates use, so test notes lie on top of the zones as a person's would.
let index = 1_296;
const nextIndex = () => `c${(++index).toString(36).padStart(3, '0')}`;

export function noteRecord(
  id: string,
  text: string,
  at: { x: number; y: number },
  author: { participantId: string; college: string } | null = null,
): BoardRecord {
  return {
    id: `shape:${id}`,
    typeName: 'shape',
    type: 'note',
    x: at.x,
    y: at.y,
    rotation: 0,
    index: nextIndex(),
    parentId: 'page:page',
    isLocked: false,
    opacity: 1,
    props: {
      color: 'yellow', richText: richText(text), size: 'm', font: 'draw', align: 'middle', verticalAlign: 'middle',
      labelColor: 'black', growY: 0, fontSizeAdjustment: 1, url: '', scale: 1, textLastEditedBy: null,
    },
    meta: author ? { trame: { authorId: author.participantId, college: author.college } } : {},
  };
}

export function zoneRecord(
  canvasId: string,
  zoneId: string,
  label: string,
  box: { x: number; y: number; w: number; h: number },
): BoardRecord {
  return {
    id: `shape:${canvasId}-${zoneId}`,
    typeName: 'shape',
    type: 'geo',
    x: box.x,
    y: box.y,
    rotation: 0,
    index: nextIndex(),
    parentId: 'page:page',
    isLocked: true,
    opacity: 1,
    props: {
      w: box.w, h: box.h, geo: 'rectangle', dash: 'solid', growY: 0, url: '', scale: 1, flipX: false, flipY: false,
      color: 'blue', labelColor: 'black', fill: 'semi', size: 'm', font: 'sans', align: 'middle', verticalAlign: 'start',
      richText: richText(label),
    },
    meta: { trame: { canvasId, role: 'zone', zoneId, label, outline: 'rectangle' } },
  };
}

/** A map background (as the map dialog lays one, drawn here as a rectangle): notes on it are pins. */
export function mapRecord(
  id: string,
  box: { x: number; y: number; w: number; h: number },
  bounds: { west: number; south: number; east: number; north: number },
): BoardRecord {
  const zone = zoneRecord('c1', id, 'Fond de carte', box);
  return { ...zone, id: `shape:${id}`, meta: { trame: { canvasId: 'c1', role: 'decoration', map: bounds } } };
}
