import { useEffect } from 'react';
import type { Editor, TLEventInfo } from 'tldraw';

const TAP_MAX_DISTANCE = 6;
const TAP_MAX_MS = 500;

/**
 * While a vote is open, a quick tap or click on a note puts a dot on it (a
 * drag still moves it). The server decides whether the dot counts.
 */
export function useTapToVote(editor: Editor | null, active: boolean, onCast: (shapeId: string) => void): void {
  useEffect(() => {
    if (!editor || !active) return;
    let down: { shapeId: string; x: number; y: number; at: number } | null = null;
    const onEvent = (info: TLEventInfo) => {
      if (info.type !== 'pointer') return;
      if (info.name === 'pointer_down') {
        // tldraw reports most pointer events on the canvas and hit-tests itself: so do we.
        const shape = editor.getShapeAtPoint(editor.screenToPage(info.point), { hitInside: true });
        down = shape?.type === 'note' ? { shapeId: shape.id, x: info.point.x, y: info.point.y, at: Date.now() } : null;
        return;
      }
      if (info.name !== 'pointer_up' || !down) return;
      const tap = down;
      down = null;
      const moved = Math.hypot(info.point.x - tap.x, info.point.y - tap.y);
      if (moved <= TAP_MAX_DISTANCE && Date.now() - tap.at <= TAP_MAX_MS && !editor.getEditingShapeId()) onCast(tap.shapeId);
    };
    editor.on('event', onEvent);
    return () => {
      editor.off('event', onEvent);
    };
  }, [editor, active, onCast]);
}
