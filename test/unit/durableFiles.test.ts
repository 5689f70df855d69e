import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeDurably } from '../../server/storage/durableFiles.js';

let dir: string | undefined;
afterEach(async () => {
  if (dir) await fs.rm(dir, { recursive: true, force: true });
});

describe('writing a file durably', () => {
  it('survives two writes of the same file at once: one of them is the file, whole, and no temporary file stays', async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'trame-durable-'));
    const file = path.join(dir, 'snapshot.bin');
    const first = Buffer.alloc(256 * 1024, 1);
    const second = Buffer.alloc(256 * 1024, 2);
    await Promise.all([writeDurably(file, first), writeDurably(file, second)]);
    const written = await fs.readFile(file);
    expect([first, second].some((b) => b.equals(written))).toBe(true);
    expect(await fs.readdir(dir)).toEqual(['snapshot.bin']);
  });
});
