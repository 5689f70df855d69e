import { useId, useState } from 'react';
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

export function VoteControls({ vote, editor, send }: { vote: VoteView | null; editor: Editor | null; send: Facilitation['send'] }) {
  const { t } = useTranslation();
  const id = useId();
  const canvases = useValue('canvases', () => boardCanvases(editor), [editor]);
  const [canvasId, setCanvasId] = useState('');
  const [budget, setBudget] = useState(VOTE_DEFAULT_BUDGET);
  const [maxPerNote, setMaxPerNote] = useState(VOTE_DEFAULT_MAX_PER_NOTE);
  const [showTotals, setShowTotals] = useState(false);

  return (
    <section className="panel-block" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('facilitation.vote.title')}</h3>
      {vote?.status === 'open' && (
        <>
          <p>{t('facilitation.vote.openSummary', { count: vote.voters, budget: vote.budget })}</p>
          <button type="button" onClick={() => send('vote:close', {})}>
            {t('facilitation.vote.close')}
          </button>
        </>
      )}
      {vote?.status === 'closed' && (
        <>
          <VoteResults results={vote.results ?? []} />
          <button type="button" onClick={() => send('vote:clear', {})}>
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
          <label>
            {t('facilitation.vote.scope')}
            <select value={canvasId} onChange={(e) => setCanvasId(e.currentTarget.value)}>
              <option value="">{t('facilitation.vote.wholeBoard')}</option>
              {canvases.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.label}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('facilitation.vote.budget')}
            <input type="number" min={1} max={VOTE_BUDGET_MAX} value={budget} onChange={(e) => setBudget(Number(e.currentTarget.value))} />
          </label>
          <label>
            {t('facilitation.vote.maxPerNote')}
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
            {t('facilitation.vote.showTotals')}
          </label>
          <button type="submit">{t('facilitation.vote.open')}</button>
        </form>
      )}
    </section>
  );
}
