import type { Adapter } from 'lowdb';
import { describe, expect, it } from 'vitest';
import { CoalescedWrites } from '../../server/storage/openLowFile.js';

/** A file whose writes finish when the test says, keeping what each one serialised. */
class SlowFile implements Adapter<{ n: number }> {
  written: string[] = [];
  private finishers: ((error?: Error) => void)[] = [];
  async read() {
    return null;
  }
  write(data: { n: number }) {
    this.written.push(JSON.stringify(data));
    return new Promise<void>((resolve, reject) => this.finishers.push((error) => (error ? reject(error) : resolve())));
  }
  finish(error?: Error) {
    this.finishers.shift()!(error);
  }
}

const settled = async (promise: Promise<void>) => {
  let done = false;
  void promise.then(
    () => (done = true),
    () => (done = true),
  );
  await new Promise((r) => setImmediate(r));
  return done;
};

describe('coalesced writes of an embedded JSON file', () => {
  it('writes once more for everything asked during a write, with the data as it is when that write starts', async () => {
    const file = new SlowFile();
    const writes = new CoalescedWrites(file);
    const data = { n: 1 };
    const first = writes.write(data);
    data.n = 2;
    const second = writes.write(data);
    data.n = 3;
    const third = writes.write(data);
    expect(file.written).toEqual(['{"n":1}']);

    file.finish();
    await first;
    // The callers who changed the data during the first write wait for a write that holds their change.
    expect(await settled(second)).toBe(false);
    expect(file.written).toEqual(['{"n":1}', '{"n":3}']);
    file.finish();
    await Promise.all([second, third]);
    expect(file.written).toHaveLength(2);
  });

  it('reports a failed write to its callers and still writes what was asked after it', async () => {
    const file = new SlowFile();
    const writes = new CoalescedWrites(file);
    const data = { n: 1 };
    const failing = writes.write(data);
    data.n = 2;
    const after = writes.write(data);
    file.finish(new Error('disque plein'));
    await expect(failing).rejects.toThrow('disque plein');
    await new Promise((r) => setImmediate(r));
    expect(file.written).toEqual(['{"n":1}', '{"n":2}']);
    file.finish();
    await after;
  });
});
