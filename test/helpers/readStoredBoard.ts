/**
 * Reads a board straight from the data folder, as a restarted server would,
 * without the store's repair of a torn tail: it may run beside a live server.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import * as Y from 'yjs';
import { boardRecords, type BoardRecord } from '../../shared/boardLayout.js';
import { decodeFrames } from '../../server/storage/updateLogCodec.js';

export async function readStoredBoard(dataDir: string, boardId: string): Promise<Map<string, BoardRecord>> {
  const dir = path.join(dataDir, 'boards', boardId);
  const snapshot = await readFile(path.join(dir, 'snapshot.bin'));
  const log = await readFile(path.join(dir, 'updates.log')).catch(() => Buffer.alloc(0));
  const doc = new Y.Doc();
  Y.applyUpdate(doc, snapshot);
  for (const frame of decodeFrames(log).frames) Y.applyUpdate(doc, frame);
  const records = new Map(boardRecords(doc).entries());
  doc.destroy();
  return records;
}
