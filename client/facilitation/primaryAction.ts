import type { FacilitationView } from '../../shared/facilitation.js';
import { isSessionClosed, type SessionStatus } from '../../shared/roles.js';

/** The one thing the facilitator most likely does next, offered as the bar's primary button. */
export type PrimaryAction =
  | { kind: 'start' }
  | { kind: 'closeVote' }
  | { kind: 'reveal'; count: number }
  | { kind: 'next' }
  | { kind: 'end' }
  | { kind: 'sheet' };

export function primaryActionFor(state: FacilitationView, status: SessionStatus): PrimaryAction {
  if (isSessionClosed(status)) return { kind: 'sheet' };
  if (state.vote?.status === 'open') return { kind: 'closeVote' };
  if (state.privateWriting && state.privateNoteCount > 0) return { kind: 'reveal', count: state.privateNoteCount };
  if (state.currentStep === -1 && status === 'preparation') return { kind: 'start' };
  if (state.currentStep < state.steps.length - 1) return { kind: 'next' };
  return { kind: 'end' };
}
