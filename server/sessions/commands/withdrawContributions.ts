/**
 * « Supprimer mes contributions »: a participant removes, from their own device, everything they put in a
 * workshop: their shapes on the board (through Boards, so connected clients see them go), their private notes,
 * their dots, and their pseudonym; their access ends. Facilitators see that someone withdrew, never who.
 * Others' notes stay; dots others put on the removed notes are given back.
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
  const shapes = new Set(await ctx.boards.removeContributionsOf(sessionId, participantId));
  const { privateNotes, dots } = await facilitation.withdraw(sessionId, participantId, shapes);
  await ctx.sessions.access.withdraw(sessionId, participantId);
  await ctx.bus.emit({ type: 'participant:removed', sessionId, participantId });
  // An edit the device sent while its connections were closing is removed too.
  for (const id of await ctx.boards.removeContributionsOf(sessionId, participantId)) shapes.add(id);
  await ctx.bus.emit({ type: 'session:changed', sessionId });
  return { shapes: shapes.size, privateNotes, dots };
}
