/**
 * A participant's withdrawal (« Supprimer mes contributions ») as it changes the facilitation state: their
 * private notes and their ballot go; dots others put on their notes (now gone from the board) are given back,
 * and a closed vote's results are counted again without both. Pure: the service applies it atomically.
 */
import { tallyVotes } from '../../shared/votes.js';
import type { FacilitationRecord, VoteRecord } from './facilitationRecord.js';

export interface Withdrawn {
  record: FacilitationRecord;
  privateNotes: number;
  /** Dots the participant had placed. */
  dots: number;
}

export function withoutContributionsOf(
  current: FacilitationRecord,
  participantId: string,
  removedNotes: ReadonlySet<string>,
): Withdrawn {
  const kept = Object.entries(current.privateNotes).filter(([, note]) => note.authorId !== participantId);
  const privateNotes = Object.keys(current.privateNotes).length - kept.length;
  const own = current.vote?.ballots[participantId];
  const dots = own ? Object.values(own.dots).reduce((sum, n) => sum + n, 0) : 0;
  return {
    record: {
      ...current,
      privateNotes: Object.fromEntries(kept),
      vote: current.vote && voteWithout(current.vote, participantId, removedNotes),
    },
    privateNotes,
    dots,
  };
}

function voteWithout(vote: VoteRecord, participantId: string, removedNotes: ReadonlySet<string>): VoteRecord {
  const ballots = Object.fromEntries(
    Object.entries(vote.ballots)
      .filter(([voter]) => voter !== participantId)
      .map(([voter, ballot]) => [
        voter,
        { ...ballot, dots: Object.fromEntries(Object.entries(ballot.dots).filter(([shapeId]) => !removedNotes.has(shapeId))) },
      ]),
  );
  if (!vote.results) return { ...vote, ballots };
  // The notes' texts as they were at the close: the board may have changed since.
  const texts = new Map(vote.results.map((r) => [r.shapeId, r.text]));
  return { ...vote, ballots, results: tallyVotes(Object.values(ballots), (id) => texts.get(id) ?? '') };
}
