/**
 * What a backup of an embedded data folder holds, and in which order its
 * files are read so that a copy taken while the server writes is whole:
 * - lowdb files (sessions, templates) first, then the other files (each
 *   session's `facilitation/<id>.json`, images): each is replaced by rename,
 *   so it is read whole, and anything created after it (a board, an image)
 *   is extra, never missing;
 * - then each board's `updates.log` before its `snapshot.bin`: a compaction
 *   in between renames a snapshot that already holds what the log held (Yjs
 *   applies an update twice as once), and a frame half-appended during the
 *   read is cut at load, as after a crash.
 * The pid file and the flush acknowledgement are the running server's own.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';

export const PID_FILE = 'trame.pid';
export const FLUSHED_FILE = 'flushed-at';
export const MANIFEST_FILE = 'trame-backup.json';
const OWN_FILES = new Set([PID_FILE, FLUSHED_FILE, MANIFEST_FILE]);
const READ_FIRST = 'updates.log';

export interface BackupManifest {
  format: 'trame-embedded-backup';
  version: 1;
  createdAt: string;
  /** Whether the running server flushed its buffered edits just before the copy. */
  flushed: boolean;
}

/** Paths relative to `dataDir`, in the order to read them. */
export async function backupFileOrder(dataDir: string): Promise<string[]> {
  const all = (await fs.readdir(dataDir, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dataDir, path.join(entry.parentPath, entry.name)))
    .filter((file) => !OWN_FILES.has(file) && !file.endsWith('.tmp'));
  const inBoards = (file: string) => file.startsWith(`boards${path.sep}`);
  const metadata = all.filter((f) => !f.includes(path.sep) && f.endsWith('.json')).sort();
  const others = all.filter((f) => !metadata.includes(f) && !inBoards(f)).sort();
  const boardFiles = all.filter(inBoards).sort((a, b) => {
    const byBoard = path.dirname(a).localeCompare(path.dirname(b));
    if (byBoard !== 0) return byBoard;
    return Number(path.basename(b) === READ_FIRST) - Number(path.basename(a) === READ_FIRST) || a.localeCompare(b);
  });
  return [...metadata, ...others, ...boardFiles];
}
