/**
 * Duplicating and importing a session: each combines a board with its images. The board is rebased on the
 * new session's id (its image records must name it), the session is created like any other, then the images
 * follow: copied from the source, or stored from the archive once they have all been checked.
 */
import type { SessionArchive } from '../../../shared/archiveSchema.js';
import { rebaseBoardAssets } from '../../assets/rebaseBoardAssets.js';
import { rebaseOffThread } from '../../export/offThread.js';
import type { SessionCommandContext } from './SessionCommandContext.js';
import { createSession, importSession } from './createSession.js';

type Created = Awaited<ReturnType<typeof createSession>>;

export async function duplicateSession(
  ctx: SessionCommandContext,
  sessionId: string,
  withContributions: boolean,
): Promise<Created> {
  const source = await ctx.sessions.require(sessionId);
  const board = await ctx.boards.duplicate(sessionId, withContributions);
  const copy = await createSession(
    ctx,
    { title: `Copie de ${source.title}`.slice(0, 200), description: source.description },
    { state: (id) => rebaseBoardAssets(board, id), templateIds: source.templateIds ?? [], steps: source.steps ?? [] },
  );
  await ctx.assets.copySession(sessionId, copy.session.id);
  return copy;
}

/** A checked archive (export/importArchive.ts) becomes a session; its images are checked before anything is stored. */
export async function importSessionArchive(
  ctx: SessionCommandContext,
  archive: SessionArchive,
  board: Uint8Array,
  /** A project's workshops imported before this one: old → new ids, for the notes carried from them. */
  origins?: ReadonlyMap<string, string>,
): Promise<Created> {
  const storeAssets = await ctx.assets.prepareImport(archive.assets);
  // A large board is decoded off the main thread, as it was read (export/offThread.ts).
  const imported = await importSession(ctx, archive, (id) => rebaseOffThread(board, id, origins));
  await storeAssets(imported.session.id);
  return imported;
}
