import { useTranslation } from 'react-i18next';
import type { SearchMatch } from '../../shared/sessionSchemas.js';

/** The passage a search matched, its hits marked: « Note : … le <mark>vélo</mark> partagé … ». */
export function MatchPassage({ match }: { match: SearchMatch }) {
  const { t } = useTranslation();
  const parts: React.ReactNode[] = [];
  let at = 0;
  for (const [start, end] of match.highlights) {
    if (start < at || end > match.text.length) continue;
    parts.push(match.text.slice(at, start), <mark key={start}>{match.text.slice(start, end)}</mark>);
    at = end;
  }
  parts.push(match.text.slice(at));
  return (
    <p className="match-passage">
      <span className="match-field">{t(`search.field.${match.field}`)}</span> {parts}
    </p>
  );
}
