import * as Y from 'yjs';
import { META_SCHEMA, boardMeta, boardRecords } from '../../shared/boardLayout.js';
import { sessionArchive, type SessionArchive } from '../../shared/archiveSchema.js';
import { ApiError, invalidBody } from '../errors.js';

export const corruptArchive = (reason: string) =>
  new ApiError(400, 'invalid_archive', `L'archive est illisible ou abîmée : ${reason} Rien n'a été importé.`);

/**
 * Checks an archive completely before anything is written: its shape, then
 * its board (decoded into a scratch document, which must hold a tldraw
 * document). Returns the board re-encoded, so nothing but what Yjs
 * understood is stored.
 */
export function readArchive(body: unknown): { archive: SessionArchive; board: Uint8Array } {
  const parsed = sessionArchive.safeParse(body);
  if (!parsed.success) {
    throw invalidBody(parsed.error.issues.map((i) => ({ path: i.path.join('.') || '(archive)', message: i.message })));
  }
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, new Uint8Array(Buffer.from(parsed.data.board, 'base64')));
  } catch {
    throw corruptArchive('le tableau ne se décode pas.');
  }
  try {
    if (!boardMeta(doc).get(META_SCHEMA) || !boardRecords(doc).get('document:document')) {
      throw corruptArchive("le tableau ne contient pas de document tldraw.");
    }
    return { archive: parsed.data, board: Y.encodeStateAsUpdate(doc) };
  } finally {
    doc.destroy();
  }
}
