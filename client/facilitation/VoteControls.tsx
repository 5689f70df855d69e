import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useValue, type Editor } from 'tldraw';
import { trameMeta, type BoardRecord } from '../../shared/boardLayout.js';
import type { VoteView } from '../../shared/facilitation.js';
import { VOTE_BUDGET_MAX, VOTE_DEFAULT_BUDGET, VOTE_DEFAULT_MAX_PER_NOTE } from '../../shared/facilitationLimits.js';
import type { Facilitation } from './useFacilitation.js';
import { VoteResults } from './VoteResults.js';

/** The canvases seeded from templates, by their frames. */
function boardCanvases(editor: Editor | null): { id: string; label: string }[] {
  if (!editor) return [];
  return editor
    .getCurrentPageShapes()
    .map((shape) => trameMeta(shape as unknown as BoardRecord))
    .filter((meta) => meta?.role === 'frame' && meta.canvasId)
    .map((meta) => ({ id: meta?.canvasId ?? '', label: meta?.label ?? meta?.canvasId ?? '' }));
}

/** The Vote section: settings and « Ouvrir le vote », the count while open, the ranking once closed. */
export function VoteControls({ vote, editor, send }: { vote: VoteView | null; editor: Editor | null; send: Facilitation['send'] }) {
  const { t } = useTranslation();
  const canvases = useValue('canvases', () => boardCanvases(editor), [editor]);
  const [canvasId, setCanvasId] = useState('');
  const [budget, setBudget] = useState(VOTE_DEFAULT_BUDGET);
  const [maxPerNote, setMaxPerNote] = useState(VOTE_DEFAULT_MAX_PER_NOTE);
  const [showTotals, setShowTotals] = useState(false);

  return (
    <>
      {vote?.status === 'open' && (
        <>
          <p>{t('facilitation.vote.openSummary', { count: vote.voters, budget: vote.budget })}</p>
          <button type="button" className="is-primary" onClick={() => send('vote:close', {})}>
            {t('facilitation.vote.close')}
          </button>
        </>
      )}
      {vote?.status === 'closed' && (
        <>
          <VoteResults results={vote.results ?? []} />
          <button type="button" className="is-quiet" onClick={() => send('vote:clear', {})}>
            {t('facilitation.vote.clear')}
          </button>
        </>
      )}
      {!vote && (
        <form
          className="vote-form"
          onSubmit={(e) => {
            e.preventDefault();
            void send('vote:open', { canvasId: canvasId || null, budget, maxPerNote, showTotals });
          }}
        >
          <label className="panel-field">
            <span>{t('facilitation.vote.scope')}</span>
            <select value={canvasId} onChange={(e) => setCanvasId(e.currentTarget.value)}>
              <option value="">{t('facilitation.vote.wholeBoard')}</option>
              {canvases.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.label}
                </option>
              ))}
            </select>
          </label>
          <label className="panel-field panel-field--inline">
            <span>{t('facilitation.vote.budget')}</span>
            <input type="number" min={1} max={VOTE_BUDGET_MAX} value={budget} onChange={(e) => setBudget(Number(e.currentTarget.value))} />
          </label>
          <label className="panel-field panel-field--inline">
            <span>{t('facilitation.vote.maxPerNote')}</span>
            <input
              type="number"
              min={1}
              max={VOTE_BUDGET_MAX}
              value={maxPerNote}
              onChange={(e) => setMaxPerNote(Number(e.currentTarget.value))}
            />
          </label>
          <label className="panel-check">
            <input type="checkbox" checked={showTotals} onChange={(e) => setShowTotals(e.currentTarget.checked)} />
            <span>{t('facilitation.vote.showTotals')}</span>
          </label>
          <button type="submit" className="is-primary">
            {t('facilitation.vote.open')}
          </button>
        </form>
      )}
    </>
  );
}
