/**
 * The heavy part of importing a session or project archive, in a worker thread (`offThread.ts`): parsing up to
 * ARCHIVE_MAX_BYTES of JSON, checking it, decoding its board with Yjs and pointing its images at the new
 * session. On the main thread a 55 MB archive froze every board for 10–12 s.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { rebaseBoardAssets } from '../assets/rebaseBoardAssets.js';
import { ApiError, invalidBody } from '../errors.js';
import { readArchive } from './importArchive.js';
import { projectArchive } from '../../shared/projects.js';
import { remapOrigins } from '../projects/remapOrigins.js';
import { validateBody } from '../routes/validateBody.js';
import type { ArchiveTask, ArchiveTaskResult } from './offThread.js';

function parse(parts: Uint8Array[]): unknown {
  try {
    return JSON.parse(new TextDecoder().decode(parts.length === 1 ? parts[0] : Buffer.concat(parts)));
  } catch {
    throw invalidBody([{ path: '(corps)', message: "Le corps de la requête n'est pas du JSON valide." }]);
  }
}

/** Every workshop's archive checked before anything is written, each refusal naming its workshop. */
function readProject(body: unknown): { result: ArchiveTaskResult; transfer: ArrayBuffer[] } {
  const project = validateBody(projectArchive, body);
  const boards = project.sessions.map((entry, i) => {
    try {
      const { archive, board } = readArchive(entry.archive);
      entry.archive = { ...archive, board: '' };
      return board;
    } catch (error) {
      if (!(error instanceof ApiError) || !error.fields) throw error;
      throw invalidBody(error.fields.map((f) => ({ ...f, path: `sessions.${i}.archive.${f.path}` })));
    }
  });
  return { result: { ok: true, project, boards }, transfer: boards.map((b) => b.buffer as ArrayBuffer) };
}

function run(task: ArchiveTask): { result: ArchiveTaskResult; transfer: ArrayBuffer[] } {
  if (task.kind === 'rebase') {
    const remapped = task.origins ? remapOrigins(task.board, new Map(task.origins)) : task.board;
    const board = rebaseBoardAssets(remapped, task.sessionId);
    return { result: { ok: true, board }, transfer: [board.buffer as ArrayBuffer] };
  }
  const body = parse(task.body);
  if (task.kind === 'readProject') return readProject(body);
  const { archive, board } = readArchive(body);
  // The board goes back as bytes; its base64 copy would only be copied between threads.
  return { result: { ok: true, board, archive: { ...archive, board: '' } }, transfer: [board.buffer as ArrayBuffer] };
}

try {
  const { result, transfer } = run(workerData as ArchiveTask);
  parentPort!.postMessage(result, transfer);
} catch (error) {
  const refusal: ArchiveTaskResult =
    error instanceof ApiError
      ? { ok: false, status: error.status, code: error.code, message: error.message, fields: error.fields }
      : { ok: false, failed: (error as Error).stack ?? String(error) };
  parentPort!.postMessage(refusal);
}
