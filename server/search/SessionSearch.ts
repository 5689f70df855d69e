/**
 * Full-text search over sessions: title, territory, summary and the text of
 * every sticky note. The index lives in memory and is updated document by
 * document as sessions and boards change, never rebuilt per query.
 */
import MiniSearch from 'minisearch';
import type { SessionRecord } from '../sessions/sessionRecord.js';

interface IndexedSession {
  id: string;
  title: string;
  territory: string;
  summary: string;
  content: string;
}

/** Lower case without accents: "mobilite" finds "Mobilité". */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();
}

function toDocument(session: SessionRecord): IndexedSession {
  return {
    id: session.id,
    title: session.title,
    territory: session.description.territory?.name ?? '',
    summary: session.description.summary,
    content: session.contentText,
  };
}

export interface SearchHit {
  id: string;
  /** Index field (title, territory, summary, content) → the folded terms found in it. */
  fields: Map<string, string[]>;
}

export class SessionSearch {
  private readonly index = new MiniSearch<IndexedSession>({
    fields: ['title', 'territory', 'summary', 'content'],
    processTerm: (term) => foldText(term),
    searchOptions: { prefix: true, fuzzy: 0.15, combineWith: 'AND', boost: { title: 3, territory: 2 } },
  });

  constructor(sessions: SessionRecord[] = []) {
    this.index.addAll(sessions.map(toDocument));
  }

  upsert(session: SessionRecord): void {
    if (this.index.has(session.id)) this.index.replace(toDocument(session));
    else this.index.add(toDocument(session));
  }

  remove(id: string): void {
    if (this.index.has(id)) this.index.discard(id);
  }

  /** Sessions matching every word of the query, best first, with the indexed terms that matched in each field. */
  search(query: string): SearchHit[] {
    return this.index.search(query).map((result) => {
      const fields = new Map<string, string[]>();
      for (const [term, inFields] of Object.entries(result.match)) {
        for (const field of inFields) fields.set(field, [...(fields.get(field) ?? []), term]);
      }
      return { id: String(result.id), fields };
    });
  }
}
