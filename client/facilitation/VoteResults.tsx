import { useTranslation } from 'react-i18next';
import { COLLEGES } from '../../shared/roles.js';
import { sharedRanks, type CollegeKey, type RankedNote } from '../../shared/votes.js';

const KEYS: CollegeKey[] = [...COLLEGES, 'none'];

/** The closed vote as a ranked list (tied notes share their rank), with who voted by collège. */
export function VoteResults({ results }: { results: RankedNote[] }) {
  const { t } = useTranslation();
  if (results.length === 0) return <p>{t('facilitation.vote.noVotes')}</p>;
  const ranks = sharedRanks(results.map((note) => note.total));
  return (
    <ol className="vote-results" data-testid="vote-results">
      {results.map((note, i) => (
        <li key={note.shapeId} value={ranks[i]}>
          <span className="vote-results__text">{note.text || t('facilitation.vote.untitled')}</span>{' '}
          <strong>{t('facilitation.vote.dots', { count: note.total })}</strong>
          <span className="vote-results__colleges">
            {KEYS.filter((k) => note.byCollege[k]).map((k) => (
              <span key={k} data-college={k}>
                {t(`facilitation.college.${k}`)} : {note.byCollege[k]}
              </span>
            ))}
          </span>
        </li>
      ))}
    </ol>
  );
}
