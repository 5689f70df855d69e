/**
 * Deleting a session. The event goes first: every instance closes the board's connections and drops the
 * loaded board before the data goes, so no late edit is written to a deleted board; then the session, its
 * board and what else it owns are removed.
 */
import type { SessionCommandContext } from './SessionCommandContext.js';

export async function deleteSession(ctx: SessionCommandContext, sessionId: string): Promise<void> {
  await ctx.sessions.require(sessionId);
  await ctx.bus.emit({ type: 'session:deleted', sessionId });
  await ctx.sessions.delete(sessionId);
  await ctx.removeSessionData(sessionId);
}
