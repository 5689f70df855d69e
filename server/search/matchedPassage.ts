/**
 * Why a session matched a search: the passage holding the matched words, found again in the session's own
 * text (MiniSearch says which indexed terms matched in which field, not where). A note's words come first,
 * then the record card's summary, territory and title: the row already shows the title.
 */
import type { SearchMatch } from '../../shared/sessionSchemas.js';
import type { SessionRecord } from '../sessions/sessionRecord.js';

/** Characters kept either side of the first hit when a passage is cut. */
const CONTEXT_CHARS = 80;
const FIELD_ORDER: SearchMatch['field'][] = ['note', 'summary', 'territory', 'title'];
const INDEX_FIELD: Record<SearchMatch['field'], string> = { note: 'content', summary: 'summary', territory: 'territory', title: 'title' };

/** Each character folded as the index folds words (no accent, lower case), with where it came from. */
function fold(text: string): { folded: string; origin: number[] } {
  let folded = '';
  const origin: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const piece = text[i]!.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();
    folded += piece;
    for (let k = 0; k < piece.length; k++) origin.push(i);
  }
  origin.push(text.length);
  return { folded, origin };
}

const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);

/** Where the terms start a word of `text`, each hit running to the end of its word. */
export function hitsIn(text: string, terms: readonly string[]): [number, number][] {
  const { folded, origin } = fold(text);
  const hits: [number, number][] = [];
  for (const term of terms) {
    if (!term) continue;
    for (let at = folded.indexOf(term); at !== -1; at = folded.indexOf(term, at + 1)) {
      if (isWordChar(folded[at - 1])) continue;
      let end = at + term.length;
      while (isWordChar(folded[end])) end++;
      hits.push([origin[at]!, origin[end]!]);
    }
  }
  hits.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  return hits.filter((hit, i) => i === 0 || hit[0] >= hits[i - 1]![1]);
}

/** The passage around the first hit, cut at word boundaries, hits shifted to the cut text. */
function excerpt(field: SearchMatch['field'], text: string, hits: [number, number][]): SearchMatch {
  const [first] = hits;
  if (!first || text.length <= CONTEXT_CHARS * 2) return { field, text, highlights: hits };
  let start = Math.max(0, first[0] - CONTEXT_CHARS);
  let end = Math.min(text.length, first[1] + CONTEXT_CHARS);
  // Never cut a word in two (unless the word is longer than the context).
  while (start > 0 && start < first[0] && isWordChar(text[start - 1])) start++;
  while (end < text.length && end > first[1] && isWordChar(text[end])) end--;
  while (start < first[0] && /\s/u.test(text[start]!)) start++;
  while (end > first[1] && /\s/u.test(text[end - 1]!)) end--;
  const before = start > 0 ? '… ' : '';
  const after = end < text.length ? ' …' : '';
  const shift = before.length - start;
  return {
    field,
    text: `${before}${text.slice(start, end)}${after}`,
    highlights: hits.filter(([s, e]) => s >= start && e <= end).map(([s, e]) => [s + shift, e + shift] as [number, number]),
  };
}

/**
 * The passage of `session` that the matched terms (folded, as the index holds them) were found in, or
 * undefined when none is found again (a fuzzy hit on a word since changed).
 */
export function matchedPassage(session: SessionRecord, matchedFields: ReadonlyMap<string, readonly string[]>): SearchMatch | undefined {
  const texts: Record<SearchMatch['field'], string[]> = {
    note: session.contentText.split('\n'),
    summary: [session.description.summary],
    territory: [session.description.territory?.name ?? ''],
    title: [session.title],
  };
  for (const field of FIELD_ORDER) {
    const terms = matchedFields.get(INDEX_FIELD[field]);
    if (!terms?.length) continue;
    for (const raw of texts[field]) {
      const text = raw.trim();
      const hits = hitsIn(text, terms);
      if (hits.length) return excerpt(field, text, hits);
    }
  }
  return undefined;
}
