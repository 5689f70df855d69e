import { describe, expect, it } from 'vitest';
import { compareRanked, sharedRanks, tallyVotes, type Ballot } from '../../shared/votes.js';

describe('one order and one rank for vote results everywhere', () => {
  it('gives tied notes the same rank and the next note the rank after all of them', () => {
    expect(sharedRanks([5, 3, 3, 1])).toEqual([1, 2, 2, 4]);
    expect(sharedRanks([2, 2, 2])).toEqual([1, 1, 1]);
    expect(sharedRanks([])).toEqual([]);
  });

  it('orders tied notes by text then id, the same for the live tally and for rows sorted elsewhere', () => {
    const ballots: Ballot[] = [
      { college: 'elu', dots: { 'shape:b': 2, 'shape:a': 2, 'shape:c': 1 } },
      { college: 'habitant', dots: { 'shape:d': 2 } },
    ];
    const texts: Record<string, string> = { 'shape:a': 'Une navette', 'shape:b': 'Des bancs', 'shape:c': 'Éclairage', 'shape:d': 'Des bancs' };
    const live = tallyVotes(ballots, (id) => texts[id] ?? '');
    expect(live.map((n) => n.shapeId)).toEqual(['shape:b', 'shape:d', 'shape:a', 'shape:c']);
    expect([...live].reverse().sort(compareRanked).map((n) => n.shapeId)).toEqual(live.map((n) => n.shapeId));
    expect(sharedRanks(live.map((n) => n.total))).toEqual([1, 1, 1, 4]);
  });
});
