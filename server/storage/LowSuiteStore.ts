/**
 * Suites in their own lowdb file (`<dataDir>/suites.json`, collection `suites`: the name the
 * embedded-to-PostgreSQL migration copies them under). Writes are chained, so two requests changing the same
 * session's suites apply one after the other.
 */
import type { Low } from 'lowdb';
import type { SessionSuites, StoredSuite, SuiteStore } from './SuiteStore.js';
import { openLowFile } from './openLowFile.js';

interface SuitesFile {
  version: 1;
  suites: SessionSuites[];
}

export class LowSuiteStore implements SuiteStore {
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(private readonly db: Low<SuitesFile>) {}

  static async open(dataDir: string): Promise<LowSuiteStore> {
    const db = await openLowFile<SuitesFile>(dataDir, 'suites.json', { version: 1, suites: [] });
    return new LowSuiteStore(db);
  }

  async list(sessionId: string): Promise<StoredSuite[]> {
    return structuredClone(this.db.data.suites.find((r) => r.id === sessionId)?.suites ?? []);
  }

  update(sessionId: string, change: (current: StoredSuite[]) => StoredSuite[]): Promise<StoredSuite[]> {
    const run = this.queue.then(async () => {
      const records = this.db.data.suites;
      const index = records.findIndex((r) => r.id === sessionId);
      const next: SessionSuites = { id: sessionId, suites: change(structuredClone(records[index]?.suites ?? [])) };
      if (index === -1) records.push(next);
      else records[index] = next;
      await this.db.write();
      return structuredClone(next.suites);
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  async delete(sessionId: string): Promise<void> {
    const before = this.db.data.suites.length;
    this.db.data.suites = this.db.data.suites.filter((r) => r.id !== sessionId);
    if (this.db.data.suites.length !== before) await this.db.write();
  }
}
