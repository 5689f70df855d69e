/**
 * Dot voting, decided by the server: the budget and the per-note maximum
 * are checked inside the store's atomic update, so neither a modified
 * client nor two quick taps can exceed them.
 */
import { randomUUID } from 'node:crypto';
import { empty, votePayload, voteSettingsSchema } from '../../shared/facilitation.js';
import { canvasOfNote, isContributionNote, noteText } from '../../shared/noteGeometry.js';
import { castDot, tallyVotes, withdrawDot, type BallotChange, type VoteRefusal } from '../../shared/votes.js';
import type { FacilitationRecord, VoteRecord } from './facilitationRecord.js';
import type { TrameSocket } from './attachRealtime.js';
import { defineCommand } from './defineCommand.js';
import type { Facilitation } from './Facilitation.js';
import {
  budgetExceeded,
  noDotOnNote,
  noteLimitReached,
  noteNotFound,
  noteNotOnCanvas,
  voteAlreadyOpen,
  voteNotOpen,
} from './FacilitationError.js';

const refusals: Record<VoteRefusal, () => Error> = {
  budget_exceeded: budgetExceeded,
  note_limit_reached: noteLimitReached,
  no_dot_on_note: noDotOnNote,
};

export function voteHandlers(socket: TrameSocket, f: Facilitation): void {
  defineCommand(socket, f.log, 'vote:open', voteSettingsSchema, 'facilitator', async (settings, p) => {
    await f.change(p.sessionId, (current) => {
      if (current.vote?.status === 'open') throw voteAlreadyOpen();
      const vote: VoteRecord = { ...settings, id: randomUUID(), status: 'open', ballots: {}, results: null };
      return { ...current, vote };
    });
  });

  defineCommand(socket, f.log, 'vote:close', empty, 'facilitator', async (_, p) => {
    const texts = await f.withRecords(p.sessionId, (records) => (id: string) => noteText(records.get(id)));
    await f.change(p.sessionId, (current) => {
      const vote = openVote(current);
      const results = tallyVotes(Object.values(vote.ballots), texts);
      return { ...current, vote: { ...vote, status: 'closed', results } };
    });
  });

  defineCommand(socket, f.log, 'vote:clear', empty, 'facilitator', async (_, p) => {
    await f.change(p.sessionId, (current) => ({ ...current, vote: null }));
  });

  // One atomic change each, which reads the facilitation record (and the session's, for its steps) once.
  defineCommand(socket, f.log, 'vote:cast', votePayload, 'participant', async ({ shapeId }, p) => {
    // A template's example note is not someone's idea: it cannot be voted on.
    const note = await f.withRecords(p.sessionId, (records) => {
      const record = records.get(shapeId);
      return isContributionNote(record) ? { canvasId: canvasOfNote(records.values(), record) } : null;
    });
    await f.change(p.sessionId, (current) => {
      const vote = openVote(current);
      if (!note) throw noteNotFound();
      if (vote.canvasId && note.canvasId !== vote.canvasId) throw noteNotOnCanvas();
      return changeBallot(current, p.participantId, p.college, (v, ballot) => castDot(v, ballot, shapeId));
    });
  });

  defineCommand(socket, f.log, 'vote:withdraw', votePayload, 'participant', async ({ shapeId }, p) => {
    await f.change(p.sessionId, (current) =>
      changeBallot(current, p.participantId, p.college, (_, ballot) => withdrawDot(ballot, shapeId)),
    );
  });
}

function openVote(record: FacilitationRecord): VoteRecord {
  if (record.vote?.status !== 'open') throw voteNotOpen();
  return record.vote;
}

/** Inside the atomic update: the vote open now is the one the dot goes to. */
function changeBallot(
  current: FacilitationRecord,
  participantId: string,
  college: VoteRecord['ballots'][string]['college'],
  change: (vote: VoteRecord, ballot: VoteRecord['ballots'][string]) => BallotChange,
): FacilitationRecord {
  const vote = openVote(current);
  const result = change(vote, vote.ballots[participantId] ?? { college, dots: {} });
  if (!result.ok) throw refusals[result.refusal]();
  return { ...current, vote: { ...vote, ballots: { ...vote.ballots, [participantId]: result.ballot } } };
}
