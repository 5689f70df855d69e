import { useTranslation } from 'react-i18next';
import type { VoteView } from '../../shared/facilitation.js';
import { VoteResults } from './VoteResults.js';

/** What a participant needs about the vote: dots left while open, the results once closed. */
export function VoteStatus({ vote }: { vote: VoteView }) {
  const { t } = useTranslation();
  if (vote.status === 'closed') {
    return (
      <details className="facilitation-card" open>
        <summary>{t('facilitation.vote.resultsTitle')}</summary>
        <VoteResults results={vote.results ?? []} />
      </details>
    );
  }
  return (
    <p className="facilitation-card" data-testid="vote-remaining">
      {t('facilitation.vote.remaining', { count: vote.remaining, budget: vote.budget })}{' '}
      <span className="muted">{t('facilitation.vote.howTo', { max: vote.maxPerNote })}</span>
    </p>
  );
}
