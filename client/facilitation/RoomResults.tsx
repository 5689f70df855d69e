import { useTranslation } from 'react-i18next';
import { COLLEGES } from '../../shared/roles.js';
import { sharedRanks, type CollegeKey, type RankedNote } from '../../shared/votes.js';
import { collegeHex } from '../session/collegeHex.js';

const KEYS: CollegeKey[] = [...COLLEGES, 'none'];
const colour = (key: CollegeKey) => (key === 'none' ? '#1f2328' : collegeHex[key]);
/** What fits on a projected screen and reads from the back of the room. */
const SHOWN = 8;

/** The closed vote for the room: ranked notes, each with one bar split by collège. */
export function RoomResults({ results }: { results: RankedNote[] }) {
  const { t } = useTranslation();
  if (results.length === 0) return <p className="room__message">{t('facilitation.vote.noVotes')}</p>;
  const ranks = sharedRanks(results.map((note) => note.total));
  const max = results[0]!.total;
  const present = KEYS.filter((k) => results.some((n) => n.byCollege[k]));
  return (
    <section className="room-results" aria-labelledby="room-results-title">
      <h2 id="room-results-title">{t('facilitation.vote.resultsTitle')}</h2>
      <ol className="room-results__list" data-testid="room-results">
        {results.slice(0, SHOWN).map((note, i) => (
          <li key={note.shapeId} value={ranks[i]} className="room-results__row">
            <span className="room-results__rank" aria-hidden="true">
              {ranks[i]}
            </span>
            <span className="room-results__text">{note.text || t('facilitation.vote.untitled')}</span>
            <span className="room-results__bar" style={{ width: `${(note.total / max) * 100}%` }}>
              {KEYS.filter((k) => note.byCollege[k]).map((k) => (
                <span
                  key={k}
                  className="room-results__segment"
                  data-college={k}
                  style={{ flexGrow: note.byCollege[k], background: colour(k) }}
                  title={`${t(`facilitation.college.${k}`)} : ${note.byCollege[k]}`}
                >
                  <span className="visually-hidden">
                    {t(`facilitation.college.${k}`)} : {note.byCollege[k]}
                  </span>
                  <span aria-hidden="true">{note.byCollege[k]}</span>
                </span>
              ))}
            </span>
            <strong className="room-results__total">{t('facilitation.vote.dots', { count: note.total })}</strong>
          </li>
        ))}
      </ol>
      {results.length > SHOWN && <p className="room__message">{t('cockpit.roomView.more', { count: results.length - SHOWN })}</p>}
      <ul className="room-results__legend">
        {present.map((k) => (
          <li key={k}>
            <span className="swatch" style={{ background: colour(k) }} aria-hidden="true" />
            {t(`facilitation.college.${k}`)}
          </li>
        ))}
      </ul>
    </section>
  );
}
