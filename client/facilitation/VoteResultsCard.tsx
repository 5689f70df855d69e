import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RankedNote } from '../../shared/votes.js';
import { VoteResults } from './VoteResults.js';

/** The closed vote's ranking for participants, over the board until they close it. */
export function VoteResultsCard({ results }: { results: RankedNote[] }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(true);
  if (!open) return null;
  return (
    <section className="board-notice vote-results-card" aria-labelledby="vote-results-card-title">
      <div className="board-notice__head">
        <h2 id="vote-results-card-title">{t('facilitation.vote.resultsTitle')}</h2>
        <button type="button" className="is-quiet" onClick={() => setOpen(false)}>
          {t('cockpit.close')}
        </button>
      </div>
      <VoteResults results={results} />
    </section>
  );
}
