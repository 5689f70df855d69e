/**
 * The two file operations every embedded store needs: read a file that may not
 * exist yet, and replace one so that a crash or a full disk never leaves half of it.
 */
import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';

export async function readIfExists(file: string): Promise<Buffer | null> {
  try {
    return await fs.readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/**
 * Write to a temporary file, fsync, then rename: the old file stays whole until the new one is. Each write has a
 * temporary file of its own: two writes of one file at once (a board published by a facilitator as the first
 * edit publishes it too) would otherwise share one, and the second rename would find it gone.
 */
export async function writeDurably(file: string, data: Uint8Array): Promise<void> {
  const tmp = `${file}.${randomUUID()}.tmp`;
  const handle = await fs.open(tmp, 'w');
  try {
    await handle.writeFile(data);
    await handle.sync();
  } catch (error) {
    await handle.close();
    // A half-written copy would only hold on to the space a full disk lacks.
    await fs.rm(tmp, { force: true });
    throw error;
  }
  await handle.close();
  await fs.rename(tmp, file);
}
