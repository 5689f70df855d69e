import type { SessionQuery } from '../../shared/sessionSchemas.js';
import { foldText } from '../search/SessionSearch.js';
import type { SessionRecord } from './sessionRecord.js';

/** The facet filters of a query (full text is the search index's job). */
export function matchesFacets(session: SessionRecord, query: SessionQuery): boolean {
  const d = session.description;
  if (query.theme && !d.themes.includes(query.theme as never)) return false;
  if (query.echelon && d.territory?.echelon !== query.echelon) return false;
  if (query.territory && !foldText(d.territory?.name ?? '').includes(foldText(query.territory))) return false;
  if (query.phase && d.phase !== query.phase) return false;
  if (query.stage && d.stage !== query.stage) return false;
  if (query.status && session.status !== query.status) return false;
  return true;
}
