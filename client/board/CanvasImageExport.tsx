import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Editor, TLShape, TLShapeId } from 'tldraw';
import { TRAME_META_KEY } from '../../shared/boardLayout.js';
import { saveBlob } from '../session/downloadFile.js';

function canvasShapes(editor: Editor): Map<string, { title: string; ids: TLShapeId[] }> {
  const canvases = new Map<string, { title: string; ids: TLShapeId[] }>();
  for (const shape of editor.getCurrentPageShapes() as TLShape[]) {
    const meta = (shape.meta as Record<string, { canvasId?: string; role?: string; label?: string } | undefined>)[TRAME_META_KEY];
    if (!meta?.canvasId) continue;
    const entry = canvases.get(meta.canvasId) ?? { title: meta.canvasId, ids: [] };
    if (meta.role === 'title' && meta.label) entry.title = meta.label;
    entry.ids.push(shape.id);
    canvases.set(meta.canvasId, entry);
  }
  return canvases;
}

/** A canvas, or the whole board, as SVG or PNG, drawn by tldraw in this browser. */
export function CanvasImageExport({ editor }: { editor: Editor }) {
  const { t } = useTranslation();
  const [choice, setChoice] = useState('');
  const canvases = canvasShapes(editor);
  const ids = () => {
    const canvas = canvases.get(choice);
    if (!canvas) return [...editor.getCurrentPageShapeIds()];
    const bounds = editor.getShapesPageBounds(canvas.ids);
    // Notes placed on the canvas belong to its picture too.
    return [...editor.getCurrentPageShapeIds()].filter((id) => {
      const b = editor.getShapePageBounds(id);
      return canvas.ids.includes(id) || (bounds && b && bounds.containsPoint(b.center));
    });
  };
  const save = async (format: 'svg' | 'png') => {
    const shapes = ids();
    if (shapes.length === 0) return;
    const name = `${canvases.get(choice)?.title ?? 'tableau'}.${format}`;
    if (format === 'svg') {
      const result = await editor.getSvgString(shapes, { background: true, padding: 24 });
      if (result) saveBlob(new Blob([result.svg], { type: 'image/svg+xml' }), name);
    } else {
      const result = await editor.toImage(shapes, { format: 'png', background: true, padding: 24, scale: 2 });
      saveBlob(result.blob, name);
    }
  };
  return (
    <div className="field">
      <label htmlFor="canvas-export">{t('export.canvas')}</label>
      <select id="canvas-export" value={choice} onChange={(e) => setChoice(e.target.value)}>
        <option value="">{t('export.wholeBoard')}</option>
        {[...canvases.entries()].map(([id, c]) => (
          <option key={id} value={id}>
            {c.title}
          </option>
        ))}
      </select>
      <div className="row">
        <button type="button" className="secondary" onClick={() => void save('svg')}>
          {t('export.svg')}
        </button>
        <button type="button" className="secondary" onClick={() => void save('png')}>
          {t('export.png')}
        </button>
      </div>
    </div>
  );
}
