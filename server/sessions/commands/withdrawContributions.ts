/**
 * « Supprimer mes contributions »: a participant removes, from their own device, everything they put in a
 * workshop: their shapes on the board (through Boards, so connected clients see them go), their private notes,
 * their dots, and their pseudonym; their access ends. Facilitators see that someone withdrew, never who.
 * Others' notes stay; dots others put on the removed notes are given back. Suites made from their notes, and
 * everything printed from suites (the « Retour », exports, the bank), lose their text.
 */
import type { Principal } from '../../../shared/roles.js';
import type { ContributionsWithdrawn } from '../../../shared/sessionSchemas.js';
import { participantsOnly } from '../../errors.js';
import type { SessionCommandContext } from './SessionCommandContext.js';

/** The facilitation state's part (server/realtime/Facilitation.ts). */
export interface FacilitationWithdrawal {
  withdraw(sessionId: string, participantId: string, removedNotes: ReadonlySet<string>): Promise<{ privateNotes: number; dots: number }>;
}

export async function withdrawContributions(
  ctx: SessionCommandContext,
  facilitation: FacilitationWithdrawal,
  principal: Principal,
): Promise<ContributionsWithdrawn> {
  if (principal.role !== 'participant') throw participantsOnly();
  const { sessionId, participantId } = principal;
  const removed = await ctx.boards.removeContributionsOf(sessionId, participantId);
  const { privateNotes, dots } = await facilitation.withdraw(sessionId, participantId, new Set(removed.map((s) => s.id)));
  await ctx.sessions.access.withdraw(sessionId, participantId);
  await ctx.bus.emit({ type: 'participant:removed', sessionId, participantId });
  // An edit the device sent while its connections were closing is removed too.
  removed.push(...(await ctx.boards.removeContributionsOf(sessionId, participantId)));
  // Suites made from their notes keep nothing of them (the facilitator's own words stay), after the vote's
  // dots on them were given back.
  await ctx.suites.withdraw(sessionId, participantId, removed);
  // The bank's copy of a published board is made again without them.
  const session = await ctx.sessions.require(sessionId);
  if (session.published) await ctx.published.publish(session);
  await ctx.bus.emit({ type: 'session:changed', sessionId });
  return { shapes: removed.length, privateNotes, dots };
}
