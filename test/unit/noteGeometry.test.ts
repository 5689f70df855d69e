import { describe, expect, it } from 'vitest';
import type { BoardRecord } from '../../shared/boardLayout.js';
import { noteIsOnCanvas, noteText } from '../../shared/noteGeometry.js';

const frame: BoardRecord = {
  id: 'shape:frame',
  typeName: 'shape',
  type: 'frame',
  parentId: 'page:page',
  x: 0,
  y: 0,
  props: { w: 1000, h: 800 },
  meta: { trame: { canvasId: 'probleme', role: 'frame' } },
};
const note = (id: string, x: number, y: number, parentId = 'page:page'): BoardRecord => ({
  id,
  typeName: 'shape',
  type: 'note',
  parentId,
  x,
  y,
  props: { scale: 1 },
  meta: {},
});

describe('notes on canvases', () => {
  it('places a note on a canvas when its centre is inside the frame, or when it is a child of the frame', () => {
    const records = [frame];
    expect(noteIsOnCanvas(records, note('shape:in', 700, 500), 'probleme')).toBe(true);
    expect(noteIsOnCanvas(records, note('shape:out', 1200, 100), 'probleme')).toBe(false);
    expect(noteIsOnCanvas(records, note('shape:child', 5, 5, 'shape:frame'), 'probleme')).toBe(true);
    expect(noteIsOnCanvas(records, note('shape:in', 700, 500), 'autre')).toBe(false);
  });

  it("reads a note's plain text from tldraw's rich text", () => {
    const richText = {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'Un banc' }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'près de la mairie' }] },
      ],
    };
    expect(noteText({ id: 'shape:a', typeName: 'shape', type: 'note', props: { richText } })).toBe(
      'Un banc\nprès de la mairie',
    );
  });
});
