/**
 * Dot voting rules, decided by the server and mirrored by clients: a budget
 * of dots per participant, a maximum per note, and the tally by collège.
 */
import type { College } from './roles.js';

export interface VoteSettings {
  /** The canvas whose notes can receive dots, or null for the whole board. */
  canvasId: string | null;
  budget: number;
  maxPerNote: number;
  /** Whether participants see running totals while the vote is open (facilitators always do). */
  showTotals: boolean;
}

/** One participant's dots: shape id → dots on it. */
export interface Ballot {
  college: College | null;
  dots: Record<string, number>;
}

export type VoteRefusal = 'budget_exceeded' | 'note_limit_reached' | 'no_dot_on_note';

export type BallotChange = { ok: true; ballot: Ballot } | { ok: false; refusal: VoteRefusal };

export function dotsUsed(ballot: Ballot | undefined): number {
  return Object.values(ballot?.dots ?? {}).reduce((sum, n) => sum + n, 0);
}

export function remainingDots(settings: VoteSettings, ballot: Ballot | undefined): number {
  return Math.max(0, settings.budget - dotsUsed(ballot));
}

export function castDot(settings: VoteSettings, ballot: Ballot, shapeId: string): BallotChange {
  if (dotsUsed(ballot) >= settings.budget) return { ok: false, refusal: 'budget_exceeded' };
  const onNote = ballot.dots[shapeId] ?? 0;
  if (onNote >= settings.maxPerNote) return { ok: false, refusal: 'note_limit_reached' };
  return { ok: true, ballot: { ...ballot, dots: { ...ballot.dots, [shapeId]: onNote + 1 } } };
}

export function withdrawDot(ballot: Ballot, shapeId: string): BallotChange {
  const onNote = ballot.dots[shapeId] ?? 0;
  if (onNote === 0) return { ok: false, refusal: 'no_dot_on_note' };
  const dots = { ...ballot.dots };
  if (onNote === 1) delete dots[shapeId];
  else dots[shapeId] = onNote - 1;
  return { ok: true, ballot: { ...ballot, dots } };
}

export function totalsByNote(ballots: Iterable<Ballot>): Record<string, number> {
  const totals: Record<string, number> = {};
  for (const ballot of ballots) {
    for (const [shapeId, n] of Object.entries(ballot.dots)) totals[shapeId] = (totals[shapeId] ?? 0) + n;
  }
  return totals;
}

/** Facilitators, observers and role links have no collège: their dots count under `none`. */
export type CollegeKey = College | 'none';

export interface RankedNote {
  shapeId: string;
  total: number;
  byCollege: Partial<Record<CollegeKey, number>>;
  /** The note's text when the vote closed, so the list reads without the board. */
  text: string;
}

/** The one ranking rule (results, projection, report): most dots first; ties by text, then id, so every view agrees. */
export function compareRanked(
  a: { total: number; text: string; shapeId: string },
  b: { total: number; text: string; shapeId: string },
): number {
  return b.total - a.total || a.text.localeCompare(b.text, 'fr') || a.shapeId.localeCompare(b.shapeId);
}

/** Ranks of totals already in ranked order: equal totals share a rank (1, 2, 2, 4). */
export function sharedRanks(totals: number[]): number[] {
  return totals.map((total, i) => (i > 0 && totals[i - 1] === total ? -1 : i + 1)).map((r, i, all) => {
    let j = i;
    while (all[j] === -1) j -= 1;
    return all[j]!;
  });
}

/** Notes with at least one dot, ranked by `compareRanked`. */
export function tallyVotes(ballots: Iterable<Ballot>, textOf: (shapeId: string) => string = () => ''): RankedNote[] {
  const notes = new Map<string, RankedNote>();
  for (const ballot of ballots) {
    const college: CollegeKey = ballot.college ?? 'none';
    for (const [shapeId, n] of Object.entries(ballot.dots)) {
      if (n <= 0) continue;
      const note = notes.get(shapeId) ?? { shapeId, total: 0, byCollege: {}, text: textOf(shapeId) };
      note.total += n;
      note.byCollege[college] = (note.byCollege[college] ?? 0) + n;
      notes.set(shapeId, note);
    }
  }
  return [...notes.values()].sort(compareRanked);
}
