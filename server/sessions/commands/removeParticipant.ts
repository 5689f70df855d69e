/** Removing a participant: their access is revoked, then every instance closes their sockets and board connections. */
import type { SessionCommandContext } from './SessionCommandContext.js';

export async function removeParticipant(ctx: SessionCommandContext, sessionId: string, participantId: string): Promise<void> {
  await ctx.sessions.access.removeParticipant(sessionId, participantId);
  await ctx.bus.emit({ type: 'participant:removed', sessionId, participantId });
}
