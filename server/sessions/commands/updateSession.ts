/**
 * Changing a session: its description, title, colours, and its lifecycle (start, finish, archive, publish).
 * One event, `session:changed`: every instance re-reads the session (edit policy, search entry) and tells its
 * sockets. The named lifecycle commands are where a state's own effects go (finishing stops the timer…).
 */
import type { SessionRecord } from '../sessionRecord.js';
import type { SessionPatch } from '../SessionService.js';
import type { SessionCommandContext } from './SessionCommandContext.js';

export async function updateSession(ctx: SessionCommandContext, sessionId: string, patch: SessionPatch): Promise<SessionRecord> {
  const before = await ctx.sessions.require(sessionId);
  const updated = await ctx.sessions.update(sessionId, patch);
  // The bank's copy is written at publication and removed when the session leaves the bank (reopening it too).
  if (updated.published && !before.published) await ctx.published.publish(updated);
  if (!updated.published && before.published) await ctx.published.unpublish(updated.id);
  await ctx.bus.emit({ type: 'session:changed', sessionId });
  return updated;
}

export const startSession = (ctx: SessionCommandContext, sessionId: string) => updateSession(ctx, sessionId, { status: 'running' });

export const finishSession = (ctx: SessionCommandContext, sessionId: string) => updateSession(ctx, sessionId, { status: 'finished' });

export const archiveSession = (ctx: SessionCommandContext, sessionId: string) => updateSession(ctx, sessionId, { status: 'archived' });

/** Only a finished or archived session can be published (the service refuses otherwise). */
export const publishSession = (ctx: SessionCommandContext, sessionId: string, published: boolean) =>
  updateSession(ctx, sessionId, { published });
