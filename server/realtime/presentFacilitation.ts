import type { BoardRecord } from '../../shared/boardLayout.js';
import type { FacilitationView, VoteView } from '../../shared/facilitation.js';
import type { Principal } from '../../shared/roles.js';
import { dotsUsed, remainingDots, totalsByNote } from '../../shared/votes.js';
import type { FacilitationRecord, FacilitationState, VoteRecord } from './facilitationRecord.js';

/** Facilitation as one principal may see it: running totals and private notes are not for everyone. */
export function presentFacilitation(record: FacilitationState, principal: Principal, now: number): FacilitationView {
  const isFacilitator = principal.role === 'facilitator';
  return {
    serverNow: now,
    timer: record.timer,
    steps: record.steps,
    currentStep: record.steps.findIndex((s) => s.id === record.currentStepId),
    paused: record.paused,
    privateWriting: record.privateWriting,
    privateNoteCount: isFacilitator ? Object.keys(record.privateNotes).length : 0,
    follow: record.follow,
    vote: record.vote && presentVote(record.vote, principal, isFacilitator),
  };
}

function presentVote(vote: VoteRecord, principal: Principal, isFacilitator: boolean): VoteView {
  const ballots = Object.values(vote.ballots);
  const closed = vote.status === 'closed';
  const ballot = vote.ballots[principal.participantId];
  return {
    id: vote.id,
    status: vote.status,
    canvasId: vote.canvasId,
    budget: vote.budget,
    maxPerNote: vote.maxPerNote,
    showTotals: vote.showTotals,
    totals: closed || isFacilitator || vote.showTotals ? totalsByNote(ballots) : null,
    myDots: ballot?.dots ?? {},
    remaining: remainingDots(vote, ballot),
    voters: ballots.filter((b) => dotsUsed(b) > 0).length,
    results: closed ? vote.results : null,
  };
}

/** The private notes one principal may receive: everyone's for facilitators, their own for an author. */
export function visiblePrivateNotes(record: FacilitationRecord, principal: Principal): BoardRecord[] {
  const notes = Object.values(record.privateNotes);
  if (principal.role === 'facilitator') return notes.map((n) => n.record);
  return notes.filter((n) => n.authorId === principal.participantId).map((n) => n.record);
}
