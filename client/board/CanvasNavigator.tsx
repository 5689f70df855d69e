import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { CanvasGeometry } from '../../shared/boardGeometry.js';
import type { CanvasFraming } from './useCanvasFraming.js';

/**
 * The way through a board, for everyone: a menu of its canvases in journey
 * order (and the whole board) that frames the one chosen, and, for someone
 * who wandered off, one button back to the current step's canvas.
 */
export function CanvasNavigator({ canvases, framing }: { canvases: CanvasGeometry[]; framing: CanvasFraming }) {
  const { t } = useTranslation();
  const menu = useRef<HTMLDetailsElement>(null);
  if (canvases.length === 0) return null;
  const framed = canvases.findIndex((c) => c.canvasId === framing.framedId);
  const go = (canvasId: string | null) => {
    // Closed first: framing measures what covers the board, and the open list would count as a band of controls.
    if (menu.current) menu.current.open = false;
    framing.frame(canvasId);
  };
  return (
    <nav className="canvas-navigator" aria-label={t('room.navigator')}>
      <details ref={menu}>
        <summary>
          {framed >= 0
            ? t('room.framedCanvas', { index: framed + 1, count: canvases.length, title: canvases[framed]!.title })
            : t('room.wholeBoard')}
        </summary>
        <ol>
          {canvases.map((c, i) => (
            <li key={c.canvasId}>
              <button
                type="button"
                aria-current={c.canvasId === framing.framedId ? 'true' : undefined}
                onClick={() => go(c.canvasId)}
              >
                <span className="canvas-navigator__index">{i + 1}</span> {c.title || t('list.canvas')}
                {c.canvasId === framing.stepCanvasId && <span className="canvas-navigator__step"> · {t('room.currentStep')}</span>}
              </button>
            </li>
          ))}
          <li>
            <button type="button" aria-current={framing.framedId === null ? 'true' : undefined} onClick={() => go(null)}>
              {t('room.wholeBoard')}
            </button>
          </li>
        </ol>
      </details>
      {framing.wandering && framing.stepCanvasId && (
        <button type="button" className="canvas-navigator__back" onClick={framing.backToStep}>
          {t('room.backToStep')}
        </button>
      )}
    </nav>
  );
}
