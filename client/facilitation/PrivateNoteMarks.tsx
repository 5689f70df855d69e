import { useTranslation } from 'react-i18next';
import { useValue, type Editor, type TLShape } from 'tldraw';
import { isPrivateNote } from './isPrivateNote.js';

/** A dashed outline and « privée » on each note still private, so nobody mistakes it for a shared one. */
export function PrivateNoteMarks({ editor }: { editor: Editor }) {
  const { t } = useTranslation();
  const boxes = useValue(
    'private notes on screen',
    () =>
      editor
        .getCurrentPageShapes()
        .filter((shape) => isPrivateNote(shape))
        .flatMap((shape) => {
          const bounds = editor.getShapePageBounds(shape as TLShape);
          if (!bounds) return [];
          const topLeft = editor.pageToViewport({ x: bounds.minX, y: bounds.minY });
          const zoom = editor.getZoomLevel();
          return [{ id: shape.id, x: topLeft.x, y: topLeft.y, w: bounds.w * zoom, h: bounds.h * zoom }];
        }),
    [editor],
  );
  if (boxes.length === 0) return null;
  return (
    <div className="private-marks" aria-hidden="true">
      {boxes.map((b) => (
        <div key={b.id} className="private-mark" data-testid="private-mark" style={{ left: b.x, top: b.y, width: b.w, height: b.h }}>
          <span className="private-mark__label">{t('cockpit.private.mark')}</span>
        </div>
      ))}
    </div>
  );
}
