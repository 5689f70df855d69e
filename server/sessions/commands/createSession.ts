/** Creating a session (new, duplicated or imported): stored with its board, then known to every instance. */
import type { SessionArchive } from '../../../shared/archiveSchema.js';
import type { SessionCommandContext } from './SessionCommandContext.js';
import type { BoardState, SessionService } from '../SessionService.js';

type Created = Awaited<ReturnType<SessionService['create']>>;

export async function createSession(
  ctx: SessionCommandContext,
  ...args: Parameters<SessionService['create']>
): Promise<Created> {
  const created = await ctx.sessions.create(...args);
  // Before anyone knows the session: its board never shows a background whose image is not there yet.
  await ctx.templateImages.copyToSession(args[0].templates ?? [], created.session.id);
  await ctx.bus.emit({ type: 'session:changed', sessionId: created.session.id });
  return created;
}

export async function importSession(ctx: SessionCommandContext, archive: SessionArchive, board: BoardState): Promise<Created> {
  const imported = await ctx.sessions.importArchive(archive, board);
  await ctx.bus.emit({ type: 'session:changed', sessionId: imported.session.id });
  return imported;
}
