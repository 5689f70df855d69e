/**
 * The bank's copy of a board is written by the publication and, when a visitor or the bank's PDF finds none, by
 * the read itself: both can happen at once (the PDF is prepared on the first change event after publication).
 * Writes of one session's copy take turns; before, the second removed the first's files (answering 500).
 */
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { META_SCHEMA, boardMeta, boardRecords } from '../../shared/boardLayout.js';
import { PublishedBoards } from '../../server/bank/PublishedBoards.js';
import type { Boards } from '../../server/board/Boards.js';
import type { SessionRecord } from '../../server/sessions/sessionRecord.js';
import { FileBoardStore } from '../../server/storage/FileBoardStore.js';
import { noteRecord } from '../helpers/records.js';

/** The live board's snapshot, as `Boards.snapshot` gives it: one note, signed by a participant. */
function liveBoard(): Pick<Boards, 'snapshot'> {
  const doc = new Y.Doc();
  boardMeta(doc).set(META_SCHEMA, { schemaVersion: 2 });
  const note = noteRecord('idee', 'Des bacs au pied des immeubles', { x: 0, y: 0 }, { participantId: 'p-1', college: 'habitant' });
  boardRecords(doc).set(note.id, note);
  const update = Y.encodeStateAsUpdate(doc);
  return { snapshot: async () => update };
}

describe("the bank's copy of a board", () => {
  it('is written whole when publications and reads finding no copy come at once', async () => {
    const store = new FileBoardStore(await mkdtemp(path.join(os.tmpdir(), 'trame-published-')));
    const published = new PublishedBoards(store, liveBoard() as Boards);
    const session = { id: 'Jardins-1234', colorByCollege: false } as SessionRecord;
    const results = await Promise.allSettled([
      published.publish(session),
      published.read(session),
      published.publish(session),
      published.read(session),
      published.read(session),
    ]);
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    const copy = await published.read(session);
    expect(copy.records.find((r) => r.id === 'shape:idee')).toBeDefined();
    expect(JSON.stringify(copy)).not.toContain('p-1');
    await published.unpublish(session.id);
    expect(await published.existingRecords(session.id)).toBeNull();
  });
});
