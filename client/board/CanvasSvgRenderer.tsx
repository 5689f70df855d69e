import { useEffect, useState } from 'react';
import { Tldraw, type Editor, type TLShapeId } from 'tldraw';
import 'tldraw/tldraw.css';
import { assetUrls } from './assetUrls.js';
import { useYjsStore } from './useYjsStore.js';

export interface CanvasToRender {
  canvasId: string;
  shapeIds: string[];
}

/**
 * Draws canvases the way the board shows them, as SVG made by tldraw itself
 * (vector shapes, text kept as text), from a board opened read-only. The
 * editor stays off-screen: only the SVGs are used.
 */
export function CanvasSvgRenderer(props: {
  sessionId: string;
  params: Record<string, string>;
  canvases: CanvasToRender[];
  onRendered: (svgs: Record<string, string>) => void;
  onError: (error: Error) => void;
}) {
  const { sessionId, params, canvases, onRendered, onError } = props;
  const { storeWithStatus } = useYjsStore({ boardId: sessionId, params, readOnly: true });
  const [editor, setEditor] = useState<Editor | null>(null);

  useEffect(() => {
    if (!editor || storeWithStatus.status !== 'synced-remote') return;
    let cancelled = false;
    const render = async () => {
      const svgs: Record<string, string> = {};
      for (const canvas of canvases) {
        const ids = canvas.shapeIds.filter((id) => editor.getShape(id as TLShapeId)) as TLShapeId[];
        if (ids.length === 0) continue;
        const result = await editor.getSvgString(ids, { background: true, padding: 24 });
        if (result) svgs[canvas.canvasId] = result.svg;
      }
      if (!cancelled) onRendered(svgs);
    };
    render().catch((e) => onError(e as Error));
    return () => {
      cancelled = true;
    };
  }, [editor, storeWithStatus.status, canvases, onRendered, onError]);

  if (storeWithStatus.status === 'error') {
    onError(storeWithStatus.error);
    return null;
  }
  return (
    <div className="offscreen-editor" aria-hidden="true">
      <Tldraw store={storeWithStatus} assetUrls={assetUrls} onMount={setEditor} hideUi />
    </div>
  );
}
