/** A session as an archive (shared/archiveSchema.ts): metadata without tokens, the board, its images. */
import { ARCHIVE_FORMAT, ARCHIVE_VERSION, type SessionArchive } from '../../shared/archiveSchema.js';
import type { AssetService } from '../assets/AssetService.js';
import type { Boards } from '../board/Boards.js';
import type { SessionRecord } from '../sessions/sessionRecord.js';

export async function buildSessionArchive(
  deps: { boards: Pick<Boards, 'snapshot'>; assets: Pick<AssetService, 'exportSession'> },
  session: SessionRecord,
): Promise<SessionArchive> {
  const board = await deps.boards.snapshot(session.id);
  return {
    format: ARCHIVE_FORMAT,
    version: ARCHIVE_VERSION,
    exportedAt: new Date().toISOString(),
    session: {
      title: session.title,
      createdAt: session.createdAt,
      status: session.status,
      colorByCollege: session.colorByCollege,
      description: session.description,
      templateIds: session.templateIds ?? [],
      steps: session.steps ?? [],
      participants: session.participants
        .filter((p) => !p.revokedAt && p.role === 'participant')
        .map((p) => ({ role: p.role, pseudonym: p.pseudonym, college: p.college })),
    },
    board: Buffer.from(board).toString('base64'),
    assets: await deps.assets.exportSession(session.id),
  };
}
