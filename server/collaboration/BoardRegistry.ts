/**
 * Loads boards on demand, shares one BoardRoom per board, and unloads a
 * board once nobody has used it for the grace period. Loading is awaited by
 * every user of the board, so no peer is answered before the stored history
 * is in the document.
 */
import type { Logger } from '../logger.js';
import type { BoardStore } from '../storage/BoardStore.js';
import { localOnlyRelay, type BoardRelay } from './BoardRelay.js';
import { BoardRoom, type BoardRoomOptions } from './BoardRoom.js';

export class BoardNotFoundError extends Error {
  constructor(readonly boardId: string) {
    super(`Board ${boardId} not found`);
  }
}

interface Entry {
  room: Promise<BoardRoom>;
  users: number;
  unloadTimer?: NodeJS.Timeout;
}

export class BoardRegistry {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly store: BoardStore,
    private readonly options: BoardRoomOptions & { unloadGraceMs: number },
    private readonly log: Logger,
    /** Called once per load, after the stored history is applied (search indexing hooks in here). */
    private readonly onLoaded: (room: BoardRoom) => void = () => {},
    private readonly relay: BoardRelay = localOnlyRelay,
  ) {}

  /** Returns the loaded board and counts one more user; pair with `release`. */
  async acquire(boardId: string): Promise<BoardRoom> {
    let entry = this.entries.get(boardId);
    if (!entry) {
      entry = { room: this.load(boardId), users: 0 };
      this.entries.set(boardId, entry);
      entry.room.catch(() => this.entries.delete(boardId));
    }
    entry.users += 1;
    clearTimeout(entry.unloadTimer);
    entry.unloadTimer = undefined;
    try {
      return await entry.room;
    } catch (error) {
      entry.users -= 1;
      throw error;
    }
  }

  release(boardId: string): void {
    const entry = this.entries.get(boardId);
    if (!entry) return;
    entry.users -= 1;
    if (entry.users > 0) return;
    entry.unloadTimer = setTimeout(() => void this.unload(boardId, entry), this.options.unloadGraceMs);
  }

  /** Runs `use` on a board, loading it if needed (for seeding, export, search). */
  async withBoard<T>(boardId: string, use: (room: BoardRoom) => T | Promise<T>): Promise<T> {
    const room = await this.acquire(boardId);
    try {
      return await use(room);
    } finally {
      this.release(boardId);
    }
  }

  isLoaded(boardId: string): boolean {
    return this.entries.has(boardId);
  }

  get loadedCount(): number {
    return this.entries.size;
  }

  /** Rooms whose last write failed, for the health endpoint. */
  async failingBoards(): Promise<string[]> {
    const rooms = await Promise.allSettled([...this.entries.values()].map((e) => e.room));
    return rooms.flatMap((r) => (r.status === 'fulfilled' && r.value.writeError ? [r.value.boardId] : []));
  }

  private async load(boardId: string): Promise<BoardRoom> {
    const room = new BoardRoom(boardId, this.store, this.options, this.log, this.relay);
    // Joined before reading: an update another instance stores after the read is then heard, one stored before is in the read.
    await this.relay.join(boardId, room);
    const history = await this.store.load(boardId).catch((error: unknown) => {
      room.destroy();
      throw error;
    });
    if (!history) {
      room.destroy();
      throw new BoardNotFoundError(boardId);
    }
    room.loadHistory(history);
    this.onLoaded(room);
    this.log.debug({ boardId, updates: history.length }, 'board loaded');
    return room;
  }

  private async unload(boardId: string, entry: Entry): Promise<void> {
    if (entry.users > 0 || this.entries.get(boardId) !== entry) return;
    const room = await entry.room;
    await room.compact();
    if (entry.users > 0) return;
    if (room.hasUnsavedChanges) {
      // Storage is failing: keep the board in memory rather than lose edits.
      entry.unloadTimer = setTimeout(() => void this.unload(boardId, entry), this.options.unloadGraceMs);
      return;
    }
    this.entries.delete(boardId);
    room.destroy();
    this.log.debug({ boardId }, 'board unloaded');
  }

  /** Forgets a board (deleted session), closing nothing: callers close its peers first. */
  async drop(boardId: string): Promise<void> {
    const entry = this.entries.get(boardId);
    if (!entry) return;
    this.entries.delete(boardId);
    clearTimeout(entry.unloadTimer);
    const room = await entry.room.catch(() => undefined);
    room?.destroy();
  }

  /** Writes every loaded board's buffered edits (before a backup). */
  async flushAll(): Promise<void> {
    const rooms = await Promise.allSettled([...this.entries.values()].map((e) => e.room));
    await Promise.all(rooms.flatMap((r) => (r.status === 'fulfilled' ? [r.value.flush()] : [])));
  }

  /** Flushes and compacts every loaded board (graceful shutdown). */
  async closeAll(): Promise<void> {
    const entries = [...this.entries.values()];
    this.entries.clear();
    await Promise.all(
      entries.map(async (entry) => {
        clearTimeout(entry.unloadTimer);
        const room = await entry.room.catch(() => undefined);
        if (!room) return;
        await room.compact().catch((err) => this.log.error({ err, boardId: room.boardId }, 'final write failed'));
        room.destroy();
      }),
    );
  }
}
