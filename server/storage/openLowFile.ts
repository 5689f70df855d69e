/**
 * A JSON file of the embedded engine (`<dataDir>/<name>`), read into memory: `new Low(new JSONFile())` rather
 * than `JSONFilePreset`, which silently stays in memory under NODE_ENV=test.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { Low, type Adapter } from 'lowdb';
import { JSONFile } from 'lowdb/node';

export async function openLowFile<T>(dataDir: string, name: string, defaults: T): Promise<Low<T>> {
  await fs.mkdir(dataDir, { recursive: true });
  const db = new Low<T>(new CoalescedWrites(new JSONFile<T>(path.join(dataDir, name))), defaults);
  await db.read();
  return db;
}

/**
 * lowdb serialises the whole file at every write: 2,000 people joining a plenary wrote the 660 KB session file
 * 2,000 times, each a few ms of the event loop. Writes asked for while one is under way share the next one,
 * which serialises the data as it is when it starts, so each caller still returns once its change is on disk.
 */
export class CoalescedWrites<T> implements Adapter<T> {
  private running: Promise<void> | undefined;
  private queued: Promise<void> | undefined;
  private latest: T | undefined;

  constructor(private readonly file: Adapter<T>) {}

  read(): Promise<T | null> {
    return this.file.read();
  }

  write(data: T): Promise<void> {
    this.latest = data;
    if (this.queued) return this.queued;
    if (!this.running) return this.start();
    this.queued = this.running
      .catch(() => undefined)
      .then(() => {
        this.queued = undefined;
        return this.start();
      });
    return this.queued;
  }

  private start(): Promise<void> {
    const running = this.file.write(this.latest as T).finally(() => {
      if (this.running === running) this.running = undefined;
    });
    this.running = running;
    return running;
  }
}
