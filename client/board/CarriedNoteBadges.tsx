import { useTranslation } from 'react-i18next';
import { useValue, type Editor } from 'tldraw';
import { trameMeta, type BoardRecord } from '../../shared/boardLayout.js';
import { pagePaths } from '../../shared/paths.js';
import './carriedNotes.css';

/**
 * On each note carried from an earlier workshop of the project, a small badge under it naming that workshop,
 * a link back to it. Only notes on screen and large enough to read get one.
 */
export function CarriedNoteBadges({ editor }: { editor: Editor }) {
  const { t } = useTranslation();
  const badges = useValue(
    'carried notes on screen',
    () => {
      const zoom = editor.getZoomLevel();
      const viewport = editor.getViewportPageBounds();
      return editor.getCurrentPageShapes().flatMap((shape) => {
        const origin = shape.type === 'note' ? trameMeta(shape as unknown as BoardRecord)?.origin : undefined;
        const bounds = origin ? editor.getShapePageBounds(shape) : undefined;
        if (!origin || !bounds || bounds.w * zoom < 60 || !viewport.collides(bounds)) return [];
        const bottomLeft = editor.pageToViewport({ x: bounds.minX, y: bounds.maxY });
        return [{ id: shape.id, x: bottomLeft.x, y: bottomLeft.y, w: bounds.w * zoom, origin }];
      });
    },
    [editor],
  );
  if (badges.length === 0) return null;
  return (
    <div className="carried-badges">
      {badges.map((b) => (
        <a
          key={b.id}
          className="carried-badge"
          data-testid="carried-badge"
          href={pagePaths.session(b.origin.sessionId)}
          target="_blank"
          rel="noopener"
          title={t('projects.carriedBadge', { title: b.origin.sessionTitle })}
          aria-label={t('projects.carriedBadge', { title: b.origin.sessionTitle })}
          style={{ left: b.x, top: b.y + 4, maxWidth: b.w }}
        >
          ↳ {b.origin.sessionTitle}
        </a>
      ))}
    </div>
  );
}
