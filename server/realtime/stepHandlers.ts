/**
 * The déroulé: the facilitator edits the steps and moves to any of them.
 * Entering a step applies its settings (private writing, vote, pause) and
 * can start its timer.
 */
import { randomUUID } from 'node:crypto';
import { stepsGoPayload, stepsSetPayload, type Step } from '../../shared/facilitation.js';
import { VOTE_DEFAULT_BUDGET, VOTE_DEFAULT_MAX_PER_NOTE } from '../../shared/facilitationLimits.js';
import { startTimer } from '../../shared/timer.js';
import type { FacilitationRecord, FacilitationState, VoteRecord } from './facilitationRecord.js';
import type { TrameSocket } from './attachRealtime.js';
import { defineCommand } from './defineCommand.js';
import type { Facilitation } from './Facilitation.js';
import { stepNotFound } from './FacilitationError.js';
import { logStepEntered } from './stepLog.js';

export function stepHandlers(socket: TrameSocket, f: Facilitation): void {
  defineCommand(socket, f.log, 'steps:set', stepsSetPayload, 'facilitator', async ({ steps }, p) => {
    await f.setSteps(p.sessionId, steps);
  });

  defineCommand(socket, f.log, 'steps:go', stepsGoPayload, 'facilitator', async ({ index, startTimer: withTimer }, p) => {
    await f.change(p.sessionId, (current) => {
      const step = current.steps[index];
      if (!step) throw stepNotFound();
      return enterStep(current, step, withTimer, f.now());
    });
    await f.lifecycle?.start(p.sessionId);
  });
}

export function enterStep(current: FacilitationState, step: Step, withTimer: boolean, now: number): FacilitationRecord {
  const voteIsOpen = current.vote?.status === 'open';
  return {
    ...current,
    currentStepId: step.id,
    stepLog: logStepEntered(current.stepLog ?? [], step.id, now),
    privateWriting: step.privateWriting ?? false,
    paused: step.pauseBoard ?? false,
    vote: step.voting && !voteIsOpen ? voteForStep(step.voting, step.canvasId) : current.vote,
    timer: withTimer && step.minutes > 0 ? startTimer(step.minutes * 60_000, now) : current.timer,
  };
}

function voteForStep(voting: NonNullable<Step['voting']>, stepCanvasId: string | undefined): VoteRecord {
  const settings = voting === true ? {} : voting || {};
  return {
    id: randomUUID(),
    status: 'open',
    canvasId: settings.canvasId ?? stepCanvasId ?? null,
    budget: settings.budget ?? VOTE_DEFAULT_BUDGET,
    maxPerNote: settings.maxPerNote ?? VOTE_DEFAULT_MAX_PER_NOTE,
    showTotals: settings.showTotals ?? false,
    ballots: {},
    results: null,
  };
}
