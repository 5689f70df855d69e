import { useTranslation } from 'react-i18next';
import { useValue, type Editor } from 'tldraw';
import type { VoteView } from '../../shared/facilitation.js';
import { eligibleNotes } from './eligibleNotes.js';

/**
 * Dots on the notes, drawn over the canvas (never written into the board):
 * participants add or withdraw theirs while the vote is open; totals show
 * when visible, and for everyone once it is closed.
 */
export function VoteBadges({ editor, vote, canVote, onCast, onWithdraw }: {
  editor: Editor;
  vote: VoteView;
  canVote: boolean;
  onCast: (shapeId: string) => void;
  onWithdraw: (shapeId: string) => void;
}) {
  const { t } = useTranslation();
  const notes = useValue('vote notes', () => eligibleNotes(editor, vote.canvasId), [editor, vote.canvasId]);
  const open = vote.status === 'open';
  return (
    <div className="vote-badges" role="group" aria-label={t('facilitation.vote.badgesLabel')}>
      {notes.map((note) => {
        const mine = vote.myDots[note.id] ?? 0;
        const total = vote.totals?.[note.id];
        if (!open && !total) return null;
        const label = note.text || t('facilitation.vote.untitled');
        return (
          <div
            key={note.id}
            className="vote-badge"
            style={{ left: note.x, top: note.y }}
            data-testid="vote-badge"
            data-shape-id={note.id}
          >
            {total !== undefined && (
              <span className="vote-badge__total">
                <span aria-hidden="true">{total}</span>
                <span className="visually-hidden">{t('facilitation.vote.totalOn', { count: total, note: label })}</span>
              </span>
            )}
            {open && canVote && (
              <>
                {mine > 0 && (
                  <button
                    type="button"
                    className="vote-badge__button"
                    onClick={() => onWithdraw(note.id)}
                    aria-label={t('facilitation.vote.withdraw', { note: label })}
                  >
                    −
                  </button>
                )}
                <span className="vote-badge__mine">
                  <span aria-hidden="true">{'●'.repeat(mine)}</span>
                  <span className="visually-hidden">{t('facilitation.vote.mineOn', { count: mine, note: label })}</span>
                </span>
                <button
                  type="button"
                  className="vote-badge__button vote-badge__button--add"
                  onClick={() => onCast(note.id)}
                  disabled={vote.remaining === 0 || mine >= vote.maxPerNote}
                  aria-label={t('facilitation.vote.cast', { note: label })}
                >
                  +
                </button>
              </>
            )}
          </div>
        );
      })}
    </div>
  );
}
