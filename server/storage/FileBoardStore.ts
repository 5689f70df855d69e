/**
 * Embedded board storage: one folder per board under `<dataDir>/boards`,
 * holding `snapshot.bin` (the compacted state) and `updates.log` (frames
 * appended since). Writing an edit costs one append to one board's log,
 * whatever the number of sessions.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { BoardStore } from './BoardStore.js';
import { readIfExists, writeDurably } from './durableFiles.js';
import { decodeFrames, encodeFrame } from './updateLogCodec.js';

const SNAPSHOT = 'snapshot.bin';
const LOG = 'updates.log';
const SAFE_ID = /^[A-Za-z0-9_-]{1,64}$/;

export class FileBoardStore implements BoardStore {
  private readonly root: string;
  /** Log sizes known since load, so a torn tail found at load is cut before the next append. */
  private readonly logBytes = new Map<string, number>();
  /** Boards whose last append failed and may have left part of a frame behind. */
  private readonly tornTails = new Set<string>();

  constructor(dataDir: string) {
    this.root = path.join(dataDir, 'boards');
  }

  private dir(boardId: string): string {
    if (!SAFE_ID.test(boardId)) throw new Error(`Identifiant de tableau invalide : ${boardId}`);
    return path.join(this.root, boardId);
  }

  async load(boardId: string): Promise<Uint8Array[] | null> {
    const dir = this.dir(boardId);
    const snapshot = await readIfExists(path.join(dir, SNAPSHOT));
    if (!snapshot) return null;
    const log = (await readIfExists(path.join(dir, LOG))) ?? Buffer.alloc(0);
    const { frames, validBytes } = decodeFrames(log);
    if (validBytes < log.byteLength) await fs.truncate(path.join(dir, LOG), validBytes);
    this.logBytes.set(boardId, validBytes);
    return [new Uint8Array(snapshot), ...frames];
  }

  async create(boardId: string, initialState: Uint8Array): Promise<void> {
    const dir = this.dir(boardId);
    await fs.mkdir(this.root, { recursive: true });
    await fs.mkdir(dir);
    await writeDurably(path.join(dir, SNAPSHOT), initialState);
    await fs.writeFile(path.join(dir, LOG), new Uint8Array());
    this.logBytes.set(boardId, 0);
  }

  async append(boardId: string, update: Uint8Array): Promise<void> {
    const file = path.join(this.dir(boardId), LOG);
    const frame = encodeFrame(update);
    const validBytes = this.logBytes.get(boardId) ?? (await fs.stat(file)).size;
    // A full disk takes part of a frame before failing; a frame appended after
    // those bytes would be unreadable, and so would every later one.
    if (this.tornTails.has(boardId)) {
      await fs.truncate(file, validBytes);
      this.tornTails.delete(boardId);
    }
    try {
      await fs.appendFile(file, frame);
    } catch (error) {
      this.tornTails.add(boardId);
      throw error;
    }
    this.logBytes.set(boardId, validBytes + frame.byteLength);
  }

  async replace(boardId: string, state: Uint8Array): Promise<void> {
    const dir = this.dir(boardId);
    await writeDurably(path.join(dir, SNAPSHOT), state);
    // A crash between the rename and this truncation replays the log onto the new
    // snapshot, which is harmless: Yjs updates are idempotent.
    await fs.truncate(path.join(dir, LOG), 0);
    this.logBytes.set(boardId, 0);
    this.tornTails.delete(boardId);
  }

  async pendingLogBytes(boardId: string): Promise<number> {
    return this.logBytes.get(boardId) ?? 0;
  }

  async delete(boardId: string): Promise<void> {
    await fs.rm(this.dir(boardId), { recursive: true, force: true });
    this.logBytes.delete(boardId);
    this.tornTails.delete(boardId);
  }

  async close(): Promise<void> {
    this.logBytes.clear();
  }
}
