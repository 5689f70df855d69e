/**
 * Writes a backup archive (tar.gz) of an embedded data folder while its
 * server keeps running: asks the server to flush (see flushOnSignal), then
 * reads the files in the order `backupFileOrder` gives. A server that is not
 * running has nothing to flush: the folder is copied as it is.
 */
import { spawn } from 'node:child_process';
import { existsSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { backupFileOrder, FLUSHED_FILE, MANIFEST_FILE, PID_FILE, type BackupManifest } from './backupFiles.js';

const FLUSH_TIMEOUT_MS = 15_000;

export interface BackupResult {
  file: string;
  files: number;
  bytes: number;
  flushed: boolean;
}

export async function createBackup(dataDir: string, file: string): Promise<BackupResult> {
  if (!existsSync(dataDir)) throw new Error(`Dossier de données introuvable : ${dataDir}`);
  const flushed = await askRunningServerToFlush(dataDir);
  const files = await backupFileOrder(dataDir);
  const manifest: BackupManifest = { format: 'trame-embedded-backup', version: 1, createdAt: new Date().toISOString(), flushed };
  const scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'trame-backup-'));
  const partial = `${file}.partial`;
  try {
    await fs.writeFile(path.join(scratch, MANIFEST_FILE), JSON.stringify(manifest, null, 2));
    await runTar(['-czf', partial, '-C', scratch, MANIFEST_FILE, '-C', dataDir, '--null', '--verbatim-files-from', '-T', '-'], files);
    await fs.rename(partial, file);
  } finally {
    await fs.rm(scratch, { recursive: true, force: true });
    await fs.rm(partial, { force: true });
  }
  return { file, files: files.length, bytes: (await fs.stat(file)).size, flushed };
}

/** True once the server has written its buffered edits; false when no server runs on this folder. */
async function askRunningServerToFlush(dataDir: string): Promise<boolean> {
  const pid = Number(await fs.readFile(path.join(dataDir, PID_FILE), 'utf8').catch(() => ''));
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return false;
  const asked = Date.now();
  process.kill(pid, 'SIGUSR2');
  const deadline = asked + FLUSH_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const flushedAt = Number(await fs.readFile(path.join(dataDir, FLUSHED_FILE), 'utf8').catch(() => '0'));
    if (flushedAt >= asked) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(
    `Le serveur Trame (pid ${pid}) n'a pas confirmé l'écriture des tableaux en ${FLUSH_TIMEOUT_MS / 1000} s : sauvegarde abandonnée. Consultez ses journaux.`,
  );
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: alive, under another user; the signal would fail the same way, and say so.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** GNU tar; exit 1 only means a file changed or vanished while read, which the read order makes harmless. */
function runTar(args: string[], names: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const tar = spawn('tar', ['--ignore-failed-read', '--warning=no-file-changed', '--warning=no-file-removed', ...args], {
      stdio: ['pipe', 'ignore', 'pipe'],
    });
    let stderr = '';
    tar.stderr.on('data', (chunk) => (stderr += chunk));
    tar.on('error', (error) => reject(new Error(`tar introuvable ou inutilisable : ${error.message}`)));
    tar.on('close', (code) => (code === 0 || code === 1 ? resolve() : reject(new Error(`tar a échoué (${code}) : ${stderr.trim()}`))));
    tar.stdin.end(names.map((n) => `${n}\0`).join(''));
  });
}
