import { describe, expect, it } from 'vitest';
import { facilitationFacts } from '../../server/realtime/facilitationFacts.js';
import type { FacilitationRecord } from '../../server/realtime/facilitationRecord.js';
import type { Step } from '../../shared/facilitation.js';

const steps: Step[] = [
  { id: 'a', title: 'Accueil', instruction: '', minutes: 5 },
  { id: 'b', title: 'Idées', instruction: '', minutes: 0 },
  { id: 'c', title: 'Vote', instruction: '', minutes: 10 },
];

const record: FacilitationRecord = {
  timer: null,
  currentStepId: 'b',
  paused: false,
  privateWriting: false,
  follow: null,
  vote: {
    id: 'v',
    status: 'closed',
    canvasId: null,
    budget: 3,
    maxPerNote: 2,
    showTotals: false,
    ballots: {
      p1: { college: 'elu', dots: { 'shape:a': 2 } },
      p2: { college: 'habitant', dots: { 'shape:a': 1, 'shape:b': 1 } },
    },
    results: null,
  },
  privateNotes: {},
};

describe('what the report takes from facilitation', () => {
  it('lists the steps run so far, without durations when runs were not logged, and the dots per note by collège', () => {
    const facts = facilitationFacts(record, steps);
    expect(facts.steps).toEqual([
      { title: 'Accueil', plannedMinutes: 5, minutes: null, current: false },
      { title: 'Idées', plannedMinutes: null, minutes: null, current: true },
    ]);
    expect(facts.votes.held).toBe(true);
    expect(Object.fromEntries(facts.votes.byNote)).toEqual({
      'shape:a': { elu: 2, habitant: 1 },
      'shape:b': { habitant: 1 },
    });
  });

  it('gives the time really spent in each step entered, runs added up, and leaves out steps never entered', () => {
    const min = 60_000;
    const facts = facilitationFacts({
      ...record,
      currentStepId: 'c',
      stepLog: [
        { stepId: 'a', startedAt: 0, endedAt: 7 * min },
        { stepId: 'c', startedAt: 7 * min, endedAt: 19 * min },
        { stepId: 'a', startedAt: 19 * min, endedAt: 21 * min },
        { stepId: 'c', startedAt: 21 * min, endedAt: null },
      ],
    }, steps);
    expect(facts.steps).toEqual([
      { title: 'Accueil', plannedMinutes: 5, minutes: 9, current: false },
      { title: 'Vote', plannedMinutes: 10, minutes: null, current: true },
    ]);
  });

  it('reports no vote and no steps for a session never facilitated', () => {
    expect(facilitationFacts(undefined, steps)).toEqual({ steps: [], votes: { held: false, byNote: new Map(), voters: 0 } });
  });
});
