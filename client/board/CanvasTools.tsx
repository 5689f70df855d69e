import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Editor, TLShape, TLShapeId } from 'tldraw';
import { TRAME_META_KEY } from '../../shared/boardLayout.js';
import type { TemplateSummary } from '../../shared/templateApi.js';
import { PHASES, facetLabel } from '../../shared/taxonomy.js';
import { api } from '../api.js';
import { useErrorMessage } from '../useErrorMessage.js';

interface CanvasInfo {
  canvasId: string;
  title: string;
  locked: boolean;
  shapeIds: TLShapeId[];
}

function canvasesOnBoard(editor: Editor): CanvasInfo[] {
  const found = new Map<string, CanvasInfo>();
  for (const shape of editor.getCurrentPageShapes() as TLShape[]) {
    const meta = (shape.meta as Record<string, { canvasId?: string; role?: string; label?: string } | undefined>)[TRAME_META_KEY];
    if (!meta?.canvasId || !meta.role) continue;
    const info = found.get(meta.canvasId) ?? { canvasId: meta.canvasId, title: meta.canvasId, locked: true, shapeIds: [] };
    info.shapeIds.push(shape.id);
    if (meta.role === 'title' && meta.label) info.title = meta.label;
    if (!shape.isLocked) info.locked = false;
    found.set(meta.canvasId, info);
  }
  return [...found.values()];
}

/** The facilitator's canvas tools: add one from the library, unlock or lock one, save one as a template. */
export function CanvasTools({ editor, sessionId, token }: { editor: Editor; sessionId: string; token: string }) {
  const { t, i18n } = useTranslation();
  const errorMessage = useErrorMessage();
  const [library, setLibrary] = useState<TemplateSummary[]>([]);
  const [toAdd, setToAdd] = useState('');
  const [canvases, setCanvases] = useState<CanvasInfo[]>(() => canvasesOnBoard(editor));
  const [saveTitle, setSaveTitle] = useState('');
  const [saveCanvas, setSaveCanvas] = useState('');
  const [savePhase, setSavePhase] = useState('diagnostic');
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);

  useEffect(() => {
    api.templates().then((r) => setLibrary(r.templates), () => undefined);
    return editor.store.listen(() => setCanvases(canvasesOnBoard(editor)), { scope: 'document' });
  }, [editor]);

  const act = (action: () => Promise<string>) => async () => {
    try {
      setMessage({ error: false, text: await action() });
    } catch (e) {
      setMessage({ error: true, text: errorMessage(e) });
    }
  };

  return (
    <section aria-labelledby="canvas-tools-title">
      <h4 id="canvas-tools-title">{t('canvases.title')}</h4>
      <div className="field">
        <label htmlFor="canvas-add">{t('canvases.add')}</label>
        <div className="row">
          <select id="canvas-add" value={toAdd} onChange={(e) => setToAdd(e.target.value)}>
            <option value="">{t('canvases.choose')}</option>
            {library.map((tpl) => (
              <option key={tpl.id} value={tpl.id}>
                {tpl.phaseLabel} · {tpl.title}
              </option>
            ))}
          </select>
          <button type="button" disabled={!toAdd} onClick={act(async () => {
            await api.addCanvas(sessionId, token, toAdd);
            return t('canvases.added');
          })}>
            {t('canvases.addButton')}
          </button>
        </div>
      </div>
      <ul className="canvas-list">
        {canvases.map((c) => (
          <li key={c.canvasId}>
            <span>{c.title}</span>
            <button
              type="button"
              className="link-button neutral"
              onClick={() => {
                const bounds = editor.getShapesPageBounds(c.shapeIds);
                if (bounds) editor.zoomToBounds(bounds, { inset: 32 });
              }}
            >
              {t('canvases.show')}
              <span className="visually-hidden"> {c.title}</span>
            </button>
            <button type="button" className="link-button neutral" onClick={act(async () => {
              await api.lockCanvas(sessionId, token, c.canvasId, !c.locked);
              return c.locked ? t('canvases.unlocked', { title: c.title }) : t('canvases.locked', { title: c.title });
            })}>
              {c.locked ? t('canvases.unlock') : t('canvases.lock')}
              <span className="visually-hidden"> {c.title}</span>
            </button>
          </li>
        ))}
      </ul>
      <form className="save-template" onSubmit={(e) => {
        e.preventDefault();
        void act(async () => {
          const saved = await api.saveAsTemplate(token, {
            fromSessionId: sessionId,
            ...(saveCanvas ? { canvasId: saveCanvas } : {}),
            title: saveTitle.trim(),
            phase: savePhase,
            description: '',
          });
          return t('canvases.saved', { title: saved.title });
        })();
      }}>
        <h4>{t('canvases.saveTitle')}</h4>
        <label htmlFor="save-canvas">{t('canvases.what')}</label>
        <select id="save-canvas" value={saveCanvas} onChange={(e) => setSaveCanvas(e.target.value)}>
          <option value="">{t('export.wholeBoard')}</option>
          {canvases.map((c) => (
            <option key={c.canvasId} value={c.canvasId}>
              {c.title}
            </option>
          ))}
        </select>
        <label htmlFor="save-title">{t('canvases.templateTitle')}</label>
        <input id="save-title" value={saveTitle} onChange={(e) => setSaveTitle(e.target.value)} />
        <label htmlFor="save-phase">{t('dashboard.phase')}</label>
        <select id="save-phase" value={savePhase} onChange={(e) => setSavePhase(e.target.value)}>
          {PHASES.map((p) => (
            <option key={p.id} value={p.id}>
              {facetLabel(PHASES, p.id, i18n.language)}
            </option>
          ))}
        </select>
        <button type="submit" className="secondary">
          {t('canvases.save')}
        </button>
      </form>
      {message && (
        <p role={message.error ? 'alert' : 'status'} className={message.error ? 'error' : 'success'}>
          {message.text}
        </p>
      )}
    </section>
  );
}
