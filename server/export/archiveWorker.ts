/**
 * The heavy part of importing a session archive, in a worker thread (`offThread.ts`): parsing up to
 * ARCHIVE_MAX_BYTES of JSON, checking it, decoding its board with Yjs and pointing its images at the new
 * session. On the main thread a 55 MB archive froze every board for 10–12 s.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { rebaseBoardAssets } from '../assets/rebaseBoardAssets.js';
import { ApiError, invalidBody } from '../errors.js';
import { readArchive } from './importArchive.js';
import type { ArchiveTask, ArchiveTaskResult } from './offThread.js';

function run(task: ArchiveTask): { result: ArchiveTaskResult; transfer: ArrayBuffer[] } {
  if (task.kind === 'rebase') {
    const board = rebaseBoardAssets(task.board, task.sessionId);
    return { result: { ok: true, board }, transfer: [board.buffer as ArrayBuffer] };
  }
  let body: unknown;
  try {
    body = JSON.parse(new TextDecoder().decode(task.body));
  } catch {
    throw invalidBody([{ path: '(corps)', message: "Le corps de la requête n'est pas du JSON valide." }]);
  }
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
