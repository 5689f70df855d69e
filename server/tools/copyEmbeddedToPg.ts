/**
 * Copies an embedded data folder into PostgreSQL and checks the copy: every
 * record present and equal, every board holding the same Yjs state. Running
 * it again copies only what is missing, so an interrupted migration is
 * finished by running it again.
 */
import { isDeepStrictEqual } from 'node:util';
import type { Pool } from 'pg';
import * as Y from 'yjs';
import { FileBoardStore } from '../storage/FileBoardStore.js';
import { PgBoardStore } from '../storage/PgBoardStore.js';
import { PgRecordCollection } from '../storage/PgRecordCollection.js';
import {
  listEmbeddedBoards,
  readEmbeddedCollections,
  type EmbeddedCollection,
  type EmbeddedRecord,
} from '../storage/readEmbeddedData.js';
import { stepsMovedToSessions } from '../storage/stepsToSessions.js';

export interface CopyCount {
  inFolder: number;
  copied: number;
  alreadyPresent: number;
}

export interface CopyReport {
  collections: Record<string, CopyCount>;
  boards: CopyCount & { verified: number };
  /** Everything that differs or could not be copied; empty when the copy is whole. */
  problems: string[];
}

export async function copyEmbeddedToPg(dataDir: string, pool: Pool): Promise<CopyReport> {
  const report: CopyReport = {
    collections: {},
    boards: { inFolder: 0, copied: 0, alreadyPresent: 0, verified: 0 },
    problems: [],
  };

  for (const collection of withStepsInSessions(await readEmbeddedCollections(dataDir))) {
    const target = new PgRecordCollection<EmbeddedRecord>(pool, collection.name);
    const count = (report.collections[collection.name] ??= { inFolder: 0, copied: 0, alreadyPresent: 0 });
    for (const record of collection.records) {
      count.inFolder += 1;
      const existing = await target.get(record.id);
      if (!existing) {
        await target.insert(record);
        count.copied += 1;
      } else if (isDeepStrictEqual(existing, JSON.parse(JSON.stringify(record)))) {
        count.alreadyPresent += 1;
      } else {
        report.problems.push(`${collection.name} ${record.id} : déjà dans PostgreSQL avec un autre contenu`);
      }
    }
  }

  const source = new FileBoardStore(dataDir);
  const target = new PgBoardStore(pool);
  for (const boardId of await listEmbeddedBoards(dataDir)) {
    report.boards.inFolder += 1;
    const history = await source.load(boardId);
    if (!history || history.length === 0) {
      report.problems.push(`tableau ${boardId} : pas d'instantané dans le dossier, non copié`);
      continue;
    }
    let stored = await target.load(boardId);
    if (stored) {
      report.boards.alreadyPresent += 1;
    } else {
      const [initial, ...updates] = history;
      await target.create(boardId, initial!);
      for (const update of updates) await target.append(boardId, update);
      report.boards.copied += 1;
      stored = await target.load(boardId);
    }
    if (sameState(history, stored ?? [])) report.boards.verified += 1;
    else report.problems.push(`tableau ${boardId} : l'état dans PostgreSQL diffère de celui du dossier`);
  }
  return report;
}

/** A folder an older version left, with the déroulé in two places, is copied in today's shape (one place). */
function withStepsInSessions(collections: EmbeddedCollection[]): EmbeddedCollection[] {
  const records = (name: string) => collections.find((c) => c.name === name)?.records ?? [];
  const moved = stepsMovedToSessions(records('sessions'), records('facilitation'));
  if (!moved.changed) return collections;
  return collections.map((c) =>
    c.name === 'sessions' ? { ...c, records: moved.sessions } : c.name === 'facilitation' ? { ...c, records: moved.facilitation } : c,
  );
}

/** Same content: equal state vectors and delete sets, whatever the history's shape (a later compaction changes the bytes, not the state). */
function sameState(a: Uint8Array[], b: Uint8Array[]): boolean {
  const docA = docOf(a);
  const docB = docOf(b);
  try {
    return Y.equalSnapshots(Y.snapshot(docA), Y.snapshot(docB));
  } finally {
    docA.destroy();
    docB.destroy();
  }
}

function docOf(history: Uint8Array[]): Y.Doc {
  const doc = new Y.Doc();
  Y.transact(doc, () => history.forEach((update) => Y.applyUpdate(doc, update)));
  return doc;
}
