/**
 * The one owner of server-side reads and writes of live boards. Routes, exports, templates and facilitation
 * call it; only it (and the collaboration layer that syncs clients) touches a room's Y.Doc. A board nobody is
 * on is loaded for the call and unloaded after the registry's grace period; a write goes through the loaded
 * room, so connected clients receive it as one Yjs update, and it is stored and relayed like any edit.
 */
import * as Y from 'yjs';
import { META_SCHEMA, boardMeta, boardRecords, isShapeRecord, trameMeta, type BoardRecord } from '../../shared/boardLayout.js';
import { readBoardGeometry } from '../../shared/boardGeometry.js';
import type { Template } from '../../shared/templateSchema.js';
import { growZone, type ZoneGrowth } from '../../shared/zoneGrowth.js';
import type { BoardRegistry } from '../collaboration/BoardRegistry.js';
import type { BoardRoom } from '../collaboration/BoardRoom.js';
import { RecordRules } from '../collaboration/RecordRules.js';
import { createBoardState, createServerStore } from './createBoardState.js';
import { drawCanvasesInDoc, type DrawnCanvas } from './drawCanvases.js';
import { forgetAuthors, removeContributionsOf, type RemovedShape } from './authorship.js';
import { setCanvasLocked } from './setCanvasLocked.js';
import { placeCarriedNotes, type CarriedNote, type TemplateZone } from './placeCarriedNotes.js';

/** The board's records as a check reads them, live: use them at once, keep nothing. */
export interface LiveRecords {
  get(id: string): BoardRecord | undefined;
  has(id: string): boolean;
  values(): IterableIterator<BoardRecord>;
}

/** Follows the loaded boards' changes (search indexing): told of each change, then of the unload. */
export interface BoardWatcher {
  /** A loaded board changed: an edit of a client, of another instance or of the server. */
  changed(boardId: string): void;
  /** The board is being unloaded; its last records, live for the duration of the call. */
  unloading(boardId: string, records: LiveRecords): void;
}

export class Boards {
  private readonly rules = new RecordRules();
  private readonly loaded = new Map<string, BoardRoom>();
  private readonly watchers: BoardWatcher[] = [];

  constructor(private readonly registry: BoardRegistry) {}

  /** The registry's hook for each board it loads (wired by createServer): watchers follow it from then on. */
  attach(room: BoardRoom): void {
    this.loaded.set(room.boardId, room);
    room.doc.on('update', () => {
      for (const watcher of this.watchers) watcher.changed(room.boardId);
    });
    room.doc.on('destroy', () => {
      if (this.loaded.get(room.boardId) === room) this.loaded.delete(room.boardId);
      const records = boardRecords(room.doc);
      for (const watcher of this.watchers) watcher.unloading(room.boardId, records);
    });
  }

  watch(watcher: BoardWatcher): void {
    this.watchers.push(watcher);
  }

  /** Reads a board only if it is loaded (never loads one); undefined otherwise. */
  readLoaded<T>(boardId: string, use: (records: LiveRecords) => T): T | undefined {
    const room = this.loaded.get(boardId);
    return room ? use(boardRecords(room.doc)) : undefined;
  }

  /** A copy of every record: the caller may keep or change it without touching the board. */
  records(boardId: string): Promise<BoardRecord[]> {
    return this.read(boardId, (records) => [...records.values()].map((r) => structuredClone(r)));
  }

  /** Runs a synchronous check on the live records, without copying them (a vote cast on a busy board). */
  read<T>(boardId: string, use: (records: LiveRecords) => T): Promise<T> {
    return this.registry.withBoard(boardId, (room) => use(boardRecords(room.doc)));
  }

  /** Draws library canvases beside those already on the board, in one update. */
  addCanvases(boardId: string, templates: Template[]): Promise<DrawnCanvas[]> {
    return this.registry.withBoard(boardId, (room) => drawCanvasesInDoc(room.doc, templates, boardId));
  }

  /** (Un)locks a canvas's scaffolding; how many shapes the canvas has, 0 when it is not on the board. */
  setCanvasLocked(boardId: string, canvasId: string, locked: boolean): Promise<number> {
    return this.registry.withBoard(boardId, (room) => setCanvasLocked(room.doc, canvasId, locked));
  }

  /** Writes records the board does not have yet (notes revealed after private writing), in one update. */
  addRecords(boardId: string, records: readonly BoardRecord[]): Promise<number> {
    return this.registry.withBoard(boardId, (room) => {
      const map = boardRecords(room.doc);
      let added = 0;
      room.doc.transact(() => {
        for (const record of records) {
          if (map.has(record.id)) continue;
          map.set(record.id, record);
          added += 1;
        }
      });
      return added;
    });
  }

  /**
   * Ideas carried from an earlier workshop: notes in the zone `target` names, placed one after the other in
   * its free slots, in one update. The notes' ids, or null when the board has no such zone.
   */
  addCarriedNotes(boardId: string, target: TemplateZone, notes: readonly CarriedNote[]): Promise<string[] | null> {
    return this.registry.withBoard(boardId, (room) => placeCarriedNotes(room.doc, target, notes, (r) => this.isValidRecord(r)));
  }

  /**
   * « Supprimer mes contributions »: removes every shape `authorId` made, the bindings of arrows to them and
   * their id as last editor of others' notes, in one update. A server write: the checks of participants'
   * updates judge what clients send, not this. Returns the shapes removed, each with its text.
   */
  removeContributionsOf(boardId: string, authorId: string): Promise<RemovedShape[]> {
    return this.registry.withBoard(boardId, (room) => removeContributionsOf(room.doc, authorId));
  }

  /** After the retention period: who wrote what removed from every shape, in one update; how many records changed. */
  forgetAuthors(boardId: string): Promise<number> {
    return this.registry.withBoard(boardId, (room) => forgetAuthors(room.doc));
  }

  /**
   * Grows a full zone by one row of its canvas's notes, pushing down what lies below it, in one update;
   * otherwise says why not (room left, canvas at its tallest, no such zone).
   */
  growZone(boardId: string, zoneShapeId: string): Promise<'grown' | 'no-zone' | Extract<ZoneGrowth, { ok: false }>['reason']> {
    return this.registry.withBoard(boardId, (room) => {
      const map = boardRecords(room.doc);
      const geometry = readBoardGeometry(map.values());
      const zone = geometry.zones.find((z) => z.shapeId === zoneShapeId);
      if (!zone) return 'no-zone';
      const growth = growZone(geometry, zone);
      if (!growth.ok) return growth.reason;
      room.doc.transact(() => {
        for (const record of growth.records) map.set(record.id, record);
      });
      return 'grown';
    });
  }

  /** Whether tldraw's validator accepts `record`; private notes and repairs go through it. */
  isValidRecord(record: BoardRecord): boolean {
    return this.rules.isValid(record);
  }

  /**
   * « Réparer le tableau »: removes every record tldraw would refuse (invalid, under another record's key,
   * of an unknown type) and puts back a schema tldraw can read, in one update. Boards stored before the
   * server checked participants' edits may hold such records; one is enough for tldraw to refuse the board.
   */
  repair(boardId: string): Promise<{ removed: string[]; schemaRestored: boolean }> {
    return this.registry.withBoard(boardId, (room) => {
      const records = boardRecords(room.doc);
      const meta = boardMeta(room.doc);
      const ours = createServerStore().schema;
      const removed = [...records.entries()]
        .filter(([key, record]) => record?.id !== key || !this.isValidRecord(record))
        .map(([key]) => key);
      const stored = meta.get(META_SCHEMA);
      const readable = (() => {
        try {
          return stored !== undefined && ours.getMigrationsSince(stored as never).ok;
        } catch {
          return false;
        }
      })();
      room.doc.transact(() => {
        for (const key of removed) records.delete(key);
        if (!readable) meta.set(META_SCHEMA, ours.serialize());
      });
      return { removed, schemaRestored: !readable };
    });
  }

  /** The whole board as one Yjs update (archives, duplicates, the bank's published copy). */
  snapshot(boardId: string): Promise<Uint8Array> {
    return this.registry.withBoard(boardId, (room) => Y.encodeStateAsUpdate(room.doc));
  }

  /**
   * A new board's state from an existing one: everything, or only the canvases' scaffolding (what templates
   * drew), without what people added.
   */
  async duplicate(sourceId: string, withContributions: boolean): Promise<Uint8Array> {
    const records = await this.records(sourceId);
    const kept = withContributions
      ? records
      : records.filter((r) => !isShapeRecord(r) || (trameMeta(r)?.canvasId && trameMeta(r)?.role));
    return createBoardState(kept);
  }
}

