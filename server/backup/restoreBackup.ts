/**
 * Restores a backup archive into an empty data folder, then reads every board
 * back to check it: an archive that is not Trame's, or that would write
 * outside the folder, is refused before anything is written.
 */
import { execFile } from 'node:child_process';
import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { FileBoardStore } from '../storage/FileBoardStore.js';
import { listEmbeddedBoards } from '../storage/readEmbeddedData.js';
import { MANIFEST_FILE, type BackupManifest } from './backupFiles.js';

const run = promisify(execFile);

export interface RestoreResult {
  manifest: BackupManifest;
  files: number;
  boards: number;
}

export async function restoreBackup(file: string, dataDir: string): Promise<RestoreResult> {
  if (!existsSync(file)) throw new Error(`Archive introuvable : ${file}`);
  if (existsSync(dataDir) && (await fs.readdir(dataDir)).length > 0) {
    throw new Error(`Le dossier de données ${dataDir} n'est pas vide : restaurez dans un dossier vide (DATA_DIR) pour ne rien écraser.`);
  }
  const names = (await tar(['-tzf', file])).split('\n').filter(Boolean);
  const unsafe = names.find((n) => path.isAbsolute(n) || n.split(/[\\/]/).includes('..'));
  if (unsafe) throw new Error(`Archive refusée : « ${unsafe} » sortirait du dossier de données.`);
  if (!names.includes(MANIFEST_FILE)) throw new Error(`Ce fichier n'est pas une sauvegarde Trame (${MANIFEST_FILE} absent).`);
  const manifest = JSON.parse(await tar(['-xzOf', file, MANIFEST_FILE])) as BackupManifest;
  if (manifest.format !== 'trame-embedded-backup' || manifest.version !== 1) {
    throw new Error(`Format de sauvegarde inconnu : ${manifest.format} v${manifest.version}`);
  }

  await fs.mkdir(dataDir, { recursive: true });
  await tar(['-xzf', file, '-C', dataDir, '--no-same-owner', '--exclude', MANIFEST_FILE]);
  const boards = await listEmbeddedBoards(dataDir);
  const store = new FileBoardStore(dataDir);
  for (const id of boards) {
    if (!(await store.load(id))) throw new Error(`Tableau ${id} : instantané absent de l'archive`);
  }
  await store.close();
  return { manifest, files: names.length - 1, boards: boards.length };
}

async function tar(args: string[]): Promise<string> {
  try {
    return (await run('tar', args, { maxBuffer: 64 * 1024 * 1024 })).stdout;
  } catch (error) {
    throw new Error(`Archive illisible : ${(error as { stderr?: string }).stderr?.trim() || (error as Error).message}`, {
      cause: error,
    });
  }
}
