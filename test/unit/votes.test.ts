import { describe, expect, it } from 'vitest';
import { castDot, remainingDots, tallyVotes, withdrawDot, type Ballot, type VoteSettings } from '../../shared/votes.js';

const settings: VoteSettings = { canvasId: null, budget: 3, maxPerNote: 2, showTotals: false };

function cast(ballot: Ballot, shapeId: string): Ballot {
  const result = castDot(settings, ballot, shapeId);
  if (!result.ok) throw new Error(result.refusal);
  return result.ballot;
}

describe('dot voting rules', () => {
  it('spends dots until the budget is used, then refuses', () => {
    let ballot: Ballot = { college: 'elu', dots: {} };
    ballot = cast(cast(cast(ballot, 'shape:a'), 'shape:b'), 'shape:c');
    expect(remainingDots(settings, ballot)).toBe(0);
    expect(castDot(settings, ballot, 'shape:d')).toEqual({ ok: false, refusal: 'budget_exceeded' });
  });

  it('refuses more dots on one note than the maximum per note', () => {
    const ballot = cast(cast({ college: null, dots: {} }, 'shape:a'), 'shape:a');
    expect(castDot(settings, ballot, 'shape:a')).toEqual({ ok: false, refusal: 'note_limit_reached' });
  });

  it('gives a dot back when withdrawn, and refuses to withdraw one that is not there', () => {
    const ballot = cast({ college: null, dots: {} }, 'shape:a');
    const after = withdrawDot(ballot, 'shape:a');
    expect(after).toEqual({ ok: true, ballot: { college: null, dots: {} } });
    expect(withdrawDot(ballot, 'shape:b')).toEqual({ ok: false, refusal: 'no_dot_on_note' });
  });

  it('ranks notes by dots with the breakdown by collège', () => {
    const ranked = tallyVotes(
      [
        { college: 'elu', dots: { 'shape:a': 2, 'shape:b': 1 } },
        { college: 'habitant', dots: { 'shape:b': 2 } },
        { college: 'habitant', dots: { 'shape:b': 1, 'shape:c': 1 } },
        { college: null, dots: {} },
      ],
      (id) => ({ 'shape:a': 'Un banc', 'shape:b': 'Une navette', 'shape:c': 'Un marché' })[id] ?? '',
    );
    expect(ranked).toEqual([
      { shapeId: 'shape:b', total: 4, byCollege: { elu: 1, habitant: 3 }, text: 'Une navette' },
      { shapeId: 'shape:a', total: 2, byCollege: { elu: 2 }, text: 'Un banc' },
      { shapeId: 'shape:c', total: 1, byCollege: { habitant: 1 }, text: 'Un marché' },
    ]);
  });
});
