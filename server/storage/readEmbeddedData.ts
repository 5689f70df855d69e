/**
 * Reads an embedded data folder for the migration to PostgreSQL. Metadata
 * is every lowdb file (`*.json`) at the folder's root: each array of records
 * with an `id` is a collection named by its key (`sessions` in `trame.json`),
 * so a new lowdb store is migrated without changing this code. Anything else
 * in a file, but its `version`, is refused rather than silently left behind.
 * Facilitation state sits in one file per session (`facilitation/<id>.json`):
 * those files make the `facilitation` collection, with the records of an
 * older single `facilitation.json` not split yet.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { FACILITATION_DIR, readFacilitationFile } from './LowFacilitationStore.js';

export interface EmbeddedRecord {
  id: string;
  [field: string]: unknown;
}

export interface EmbeddedCollection {
  name: string;
  file: string;
  records: EmbeddedRecord[];
}

export async function readEmbeddedCollections(dataDir: string): Promise<EmbeddedCollection[]> {
  const entries = await fs.readdir(dataDir, { withFileTypes: true });
  const collections: EmbeddedCollection[] = [];
  for (const entry of entries) {
    if (!entry.isFile() || !entry.name.endsWith('.json')) continue;
    const file = path.join(dataDir, entry.name);
    let content: unknown;
    try {
      content = JSON.parse(await fs.readFile(file, 'utf8'));
    } catch (error) {
      throw new Error(`${file} n'est pas un JSON lisible : ${(error as Error).message}`, { cause: error });
    }
    if (typeof content !== 'object' || content === null || Array.isArray(content)) {
      throw new Error(`${file} : un objet était attendu à la racine`);
    }
    for (const [key, value] of Object.entries(content)) {
      if (key === 'version' && typeof value === 'number') continue;
      if (!Array.isArray(value) || !value.every(isRecord)) {
        throw new Error(`${file} : « ${key} » n'est pas une liste d'enregistrements avec un id ; migration impossible`);
      }
      collections.push({ name: key, file: entry.name, records: value });
    }
  }
  return withFacilitationFiles(dataDir, collections);
}

async function withFacilitationFiles(dataDir: string, collections: EmbeddedCollection[]): Promise<EmbeddedCollection[]> {
  const dir = path.join(dataDir, FACILITATION_DIR);
  const names = (await fs.readdir(dir).catch(() => [] as string[])).filter((name) => name.endsWith('.json')).sort();
  if (names.length === 0) return collections;
  const legacy = collections.find((c) => c.name === 'facilitation');
  const byId = new Map((legacy?.records ?? []).map((record) => [record.id, record]));
  for (const name of names) {
    const record = await readFacilitationFile(path.join(dir, name));
    if (!isRecord(record)) throw new Error(`${path.join(dir, name)} : un enregistrement avec un id était attendu`);
    byId.set(record.id, record);
  }
  const merged: EmbeddedCollection = { name: 'facilitation', file: FACILITATION_DIR, records: [...byId.values()] };
  return [...collections.filter((c) => c !== legacy), merged];
}

/** Ids of the boards stored in the folder (one sub-folder each). */
export async function listEmbeddedBoards(dataDir: string): Promise<string[]> {
  try {
    const entries = await fs.readdir(path.join(dataDir, 'boards'), { withFileTypes: true });
    return entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

function isRecord(value: unknown): value is EmbeddedRecord {
  return typeof value === 'object' && value !== null && typeof (value as { id?: unknown }).id === 'string';
}
