/**
 * The bank's copy of each published board. At publication the live board is
 * anonymised (anonymiseBoard) and written as a board of its own, under
 * `published-<sessionId>` in the BoardStore, so it survives restarts and is
 * shared by every instance. Visitors read only this copy, over HTTP: never
 * the live board, never through Yjs, never with presence.
 */
import * as Y from 'yjs';
import { META_SCHEMA, boardMeta, boardRecords, type BoardRecord } from '../../shared/boardLayout.js';
import type { PublishedBoard } from '../../shared/sessionSchemas.js';
import type { Boards } from '../board/Boards.js';
import type { BoardStore } from '../storage/BoardStore.js';
import type { SessionRecord } from '../sessions/sessionRecord.js';
import { anonymiseBoard } from './anonymiseBoard.js';

/** Cannot collide with a session id (12 characters), so no `/yjs` connection can ever open it. */
const copyId = (sessionId: string) => `published-${sessionId}`;

function readBoard(updates: Uint8Array[]): { schema: unknown; records: BoardRecord[] } {
  const doc = new Y.Doc();
  try {
    for (const update of updates) Y.applyUpdate(doc, update);
    return { schema: boardMeta(doc).get(META_SCHEMA), records: [...boardRecords(doc).values()] };
  } finally {
    doc.destroy();
  }
}

export class PublishedBoards {
  /**
   * The last write of each session's copy still under way in this process. A copy is rewritten as a delete then
   * a create: two at once (the publication, and the bank's PDF prepared meanwhile finding no copy yet) removed
   * each other's files. Both happen on the instance where the session was changed.
   */
  private readonly writing = new Map<string, Promise<unknown>>();

  constructor(
    private readonly store: BoardStore,
    private readonly boards: Boards,
  ) {}

  /** Writes (or rewrites) the anonymised copy of the session's board. */
  publish(session: SessionRecord): Promise<PublishedBoard> {
    return this.inTurn(session.id, () => this.write(session));
  }

  /**
   * The copy a visitor receives; written now if a published session has none
   * (published before copies existed, or restored from an archive).
   */
  async read(session: SessionRecord): Promise<PublishedBoard> {
    await this.writing.get(session.id);
    const updates = await this.store.load(copyId(session.id));
    if (updates) return readBoard(updates);
    return this.inTurn(session.id, async () => {
      const written = await this.store.load(copyId(session.id));
      return written ? readBoard(written) : this.write(session);
    });
  }

  /** The copy's records if the session has one, without writing one (the images it shows stay stored). */
  async existingRecords(sessionId: string): Promise<BoardRecord[] | null> {
    await this.writing.get(sessionId);
    const updates = await this.store.load(copyId(sessionId));
    return updates ? readBoard(updates).records : null;
  }

  unpublish(sessionId: string): Promise<void> {
    return this.inTurn(sessionId, () => this.store.delete(copyId(sessionId)));
  }

  /** Runs `write` once every earlier write of the session's copy has ended, failed or not. */
  private inTurn<T>(sessionId: string, write: () => Promise<T>): Promise<T> {
    const result = (this.writing.get(sessionId) ?? Promise.resolve()).then(write);
    const ended = result.then(
      () => undefined,
      () => undefined,
    );
    this.writing.set(sessionId, ended);
    void ended.then(() => {
      if (this.writing.get(sessionId) === ended) this.writing.delete(sessionId);
    });
    return result;
  }

  private async write(session: SessionRecord): Promise<PublishedBoard> {
    const { schema, records } = readBoard([await this.boards.snapshot(session.id)]);
    const published = { schema, records: anonymiseBoard(records, { colorByCollege: session.colorByCollege }) };
    const doc = new Y.Doc();
    doc.transact(() => {
      boardMeta(doc).set(META_SCHEMA, published.schema);
      for (const record of published.records) boardRecords(doc).set(record.id, record);
    });
    await this.store.delete(copyId(session.id));
    await this.store.create(copyId(session.id), Y.encodeStateAsUpdate(doc));
    doc.destroy();
    return published;
  }
}
