/**
 * Runs an archive task (`archiveWorker.ts`) in a worker thread of its own, so the event loop keeps serving
 * boards while an archive is parsed and decoded. A worker per task: imports are rare, and a worker that ends
 * gives back all the memory a large archive took. Its heap is bounded, so a hostile archive that would need
 * more is refused rather than taking the server down.
 */
import { Worker } from 'node:worker_threads';
import type { SessionArchive } from '../../shared/archiveSchema.js';
import type { ProjectArchive } from '../../shared/projects.js';
import type { ApiErrorCode } from '../../shared/apiErrors.js';
import { ApiError } from '../errors.js';

export type ArchiveTask =
  /** `body`: the request's bytes in parts (http/rawBodyInParts), joined in the worker. */
  | { kind: 'read'; body: Uint8Array[] }
  | { kind: 'readProject'; body: Uint8Array[] }
  /** `origins`: old → new session ids, for notes carried from workshops imported with it (a project's). */
  | { kind: 'rebase'; board: Uint8Array; sessionId: string; origins?: [string, string][] };

export type ArchiveTaskResult =
  | { ok: true; board: Uint8Array; archive?: SessionArchive }
  | { ok: true; project: ProjectArchive; boards: Uint8Array[] }
  | { ok: false; status: number; code: ApiErrorCode; message: string; fields?: { path: string; message: string }[] }
  /** Not the archive's fault: logged, and answered as any unexpected error. */
  | { ok: false; failed: string };

/** What a task may take: several times the largest archive, as JSON, its strings and a decoded board. */
const WORKER_HEAP_MB = 1_536;

export const archiveTooHeavy = () =>
  new ApiError(413, 'payload_too_large', "L'archive demande trop de mémoire pour être lue. Rien n'a été importé.");

function startWorker(task: ArchiveTask, transfer: ArrayBuffer[]): Worker {
  const options = { workerData: task, transferList: transfer, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } };
  const compiled = new URL('./archiveWorker.js', import.meta.url);
  if (!import.meta.url.endsWith('.ts')) return new Worker(compiled, options);
  // Run from the TypeScript sources (development, tests): the worker registers the same loader first.
  const source = new URL('./archiveWorker.ts', import.meta.url).href;
  const code = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(source)}); })`;
  return new Worker(code, { ...options, eval: true });
}

/** Copies bytes into a buffer of their own, which can be handed to the worker without copying again. */
function own(bytes: Uint8Array): Uint8Array {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : new Uint8Array(bytes);
}

type Answer = Extract<ArchiveTaskResult, { ok: true }>;

export function runArchiveTask(task: ArchiveTask): Promise<Answer> {
  const owned: ArchiveTask = task.kind === 'rebase' ? { ...task, board: own(task.board) } : { ...task, body: task.body.map(own) };
  const bytes = owned.kind === 'rebase' ? [owned.board] : owned.body;
  return new Promise((resolve, reject) => {
    const worker = startWorker(owned, bytes.map((b) => b.buffer as ArrayBuffer));
    let settled = false;
    worker.once('message', (result: ArchiveTaskResult) => {
      settled = true;
      if (result.ok) resolve(result);
      else if ('failed' in result) reject(new Error(result.failed));
      else reject(new ApiError(result.status, result.code, result.message, result.fields));
    });
    worker.once('error', (error: Error & { code?: string }) => {
      settled = true;
      reject(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? archiveTooHeavy() : error);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`archive worker stopped (exit code ${code}) without an answer`));
    });
  });
}

/** A session archive's request body, checked off the main thread: the archive (its board as bytes) and its board. */
export async function readArchiveOffThread(body: Uint8Array[]): Promise<{ archive: SessionArchive; board: Uint8Array }> {
  const answer = (await runArchiveTask({ kind: 'read', body })) as { archive: SessionArchive; board: Uint8Array };
  return { archive: answer.archive, board: answer.board };
}

/** A project archive's request body, checked off the main thread: the archive, and each workshop's board. */
export async function readProjectOffThread(body: Uint8Array[]): Promise<{ project: ProjectArchive; boards: Uint8Array[] }> {
  return (await runArchiveTask({ kind: 'readProject', body })) as { project: ProjectArchive; boards: Uint8Array[] };
}

/**
 * The board with its images pointing at the new session (and its carried notes at the workshops imported
 * with it), decoded and encoded off the main thread.
 */
export async function rebaseOffThread(board: Uint8Array, sessionId: string, origins?: ReadonlyMap<string, string>): Promise<Uint8Array> {
  const task: ArchiveTask = { kind: 'rebase', board, sessionId, ...(origins?.size ? { origins: [...origins] } : {}) };
  return ((await runArchiveTask(task)) as { board: Uint8Array }).board;
}
