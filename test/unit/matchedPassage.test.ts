import { describe, expect, it } from 'vitest';
import { hitsIn, matchedPassage } from '../../server/search/matchedPassage.js';
import type { SessionRecord } from '../../server/sessions/sessionRecord.js';

const marked = (text: string, hits: [number, number][]) => hits.map(([a, b]) => text.slice(a, b));

function session(contentText: string, summary = ''): SessionRecord {
  return { title: 'Atelier', contentText, description: { summary, territory: null } } as unknown as SessionRecord;
}

describe('the passage a search matched', () => {
  it('finds folded terms in accented text, at the start of words only', () => {
    expect(marked('Élan vers l’école, pas la préécole', hitsIn('Élan vers l’école, pas la préécole', ['ecole']))).toEqual(['école']);
    expect(marked('Mobilité douce', hitsIn('Mobilité douce', ['mobilite']))).toEqual(['Mobilité']);
  });

  it('prefers the note holding the words over the record card, and names where it was found', () => {
    const match = matchedPassage(session('Des bancs\nUn vélo partagé', 'Vélo et marche'), new Map([['content', ['velo']], ['summary', ['velo']]]));
    expect(match).toMatchObject({ field: 'note', text: 'Un vélo partagé' });
  });

  it('cuts a long note around the first hit, at word boundaries, with the hits shifted', () => {
    const long = `${'mot '.repeat(60)}un covoiturage solidaire ${'fin '.repeat(60)}`.trim();
    const match = matchedPassage(session(long), new Map([['content', ['covoiturage']]]))!;
    expect(match.text.startsWith('… mot')).toBe(true);
    expect(match.text.endsWith('fin …')).toBe(true);
    expect(match.text.length).toBeLessThan(200);
    expect(marked(match.text, match.highlights)).toEqual(['covoiturage']);
  });

  it('gives nothing when the words are no longer there', () => {
    expect(matchedPassage(session('Autre chose'), new Map([['content', ['minibus']]]))).toBeUndefined();
  });
});
