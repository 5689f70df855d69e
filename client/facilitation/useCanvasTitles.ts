import { useValue, type Editor } from 'tldraw';
import { trameMeta, type BoardRecord } from '../../shared/boardLayout.js';

/** Canvas id → its title on the board, for labelling steps and votes by canvas. */
export function useCanvasTitles(editor: Editor | null): Map<string, string> {
  return useValue(
    'canvas titles',
    () => {
      const titles = new Map<string, string>();
      if (!editor) return titles;
      for (const shape of editor.getCurrentPageShapes()) {
        const meta = trameMeta(shape as unknown as BoardRecord);
        if (meta?.canvasId && meta.role === 'title' && meta.label) titles.set(meta.canvasId, meta.label);
      }
      return titles;
    },
    [editor],
  );
}
