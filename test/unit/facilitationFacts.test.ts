import { describe, expect, it } from 'vitest';
import { facilitationFacts } from '../../server/realtime/facilitationFacts.js';
import type { FacilitationRecord } from '../../server/storage/FacilitationStore.js';

const record: FacilitationRecord = {
  timer: null,
  steps: [
    { id: 'a', title: 'Accueil', instruction: '', minutes: 5 },
    { id: 'b', title: 'Idées', instruction: '', minutes: 0 },
    { id: 'c', title: 'Vote', instruction: '', minutes: 10 },
  ],
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
  it('lists the steps run so far and the dots per note by collège', () => {
    const facts = facilitationFacts(record);
    expect(facts.steps).toEqual([
      { title: 'Accueil', minutes: 5 },
      { title: 'Idées', minutes: null },
    ]);
    expect(facts.votes.held).toBe(true);
    expect(Object.fromEntries(facts.votes.byNote)).toEqual({
      'shape:a': { elu: 2, habitant: 1 },
      'shape:b': { habitant: 1 },
    });
  });

  it('reports no vote and no steps for a session never facilitated', () => {
    expect(facilitationFacts(undefined)).toEqual({ steps: [], votes: { held: false, byNote: new Map() } });
  });
});
