import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, open, readFile, rename, rm, rmdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { decodeFrames } from '../../server/storage/updateLogCodec.js';
import { createSession } from '../helpers/api.js';
import { readStoredBoard } from '../helpers/readStoredBoard.js';
import { removeDataDir, startTestServer, type TestServer } from '../helpers/startTestServer.js';
import { connectYjsClient, eventually, fakeNote, whenSynced, withText, type YjsClient } from '../helpers/yjsClient.js';

/** A real full disk needs a small tmpfs, which only root may mount; elsewhere that case is skipped. */
function mountSmallDisk(dir: string): boolean {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', dir], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const probeDir = await mkdtemp(path.join(os.tmpdir(), 'trame-probe-'));
const canMount = mountSmallDisk(probeDir);
if (canMount) execFileSync('umount', [probeDir]);
await rmdir(probeDir);

async function health(t: TestServer) {
  const res = await fetch(`${t.url}/api/health`);
  return { status: res.status, body: await res.json() };
}

/** Fills the disk holding `dir` until it refuses a byte more. */
async function fillDisk(dir: string): Promise<string> {
  const filler = path.join(dir, 'filler');
  const handle = await open(filler, 'w');
  const chunk = Buffer.alloc(16 * 1024, 1);
  try {
    for (;;) await handle.write(chunk);
  } catch (error) {
    expect((error as NodeJS.ErrnoException).code).toBe('ENOSPC');
  } finally {
    await handle.close();
  }
  return filler;
}

async function logIsWhole(dataDir: string, boardId: string): Promise<boolean> {
  const log = await readFile(path.join(dataDir, 'boards', boardId, 'updates.log'));
  return decodeFrames(log).validBytes === log.byteLength;
}

describe('board storage that fails', () => {
  let t: TestServer;
  let dataDir: string;
  let mounted = false;
  const clients: YjsClient[] = [];
  const big = (key: string) => fakeNote(key, key.repeat(4_000 / key.length));
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy();
    await t.close().catch(() => undefined);
    if (mounted) execFileSync('umount', [dataDir]);
    mounted = false;
    await removeDataDir(dataDir);
  });

  const start = async (dir: string) => {
    t = await startTestServer({ dataDir: dir, persistFlushIntervalMs: 20 });
    const { id, access } = await createSession(t.url);
    const client = connectYjsClient(t.wsUrl, id, { token: access.token });
    clients.push(client);
    await whenSynced(client);
    return { id, client, token: access.token };
  };

  it.skipIf(!canMount)('reports a full disk, keeps the stored board whole, and writes again once space returns', async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'trame-disk-'));
    mounted = mountSmallDisk(dataDir);
    const { id, client } = await start(dataDir);
    client.records.set('shape:before', fakeNote('before', 'avant'));
    await eventually(async () => expect((await readStoredBoard(dataDir, id)).has('shape:before')).toBe(true));

    const filler = await fillDisk(dataDir);
    for (let i = 0; i < 5; i++) client.records.set(`shape:full${i}`, big(`full${i}`));
    await eventually(async () => expect(await health(t)).toMatchObject({ status: 503, body: { status: 'degraded' } }));
    expect((await readStoredBoard(dataDir, id)).get('shape:before')).toMatchObject(withText('avant'));

    await rm(filler);
    client.records.set('shape:after', fakeNote('after', 'après'));
    await eventually(async () => expect((await health(t)).status).toBe(200));
    expect(await logIsWhole(dataDir, id)).toBe(true);
    const stored = await readStoredBoard(dataDir, id);
    for (const key of ['before', 'full0', 'full4', 'after']) expect(stored.has(`shape:${key}`)).toBe(true);
  });

  it('reports a board folder it cannot write to, and loses nothing once it can again', async () => {
    const { id, client, token } = await start(await mkdtemp(path.join(os.tmpdir(), 'trame-test-')));
    dataDir = t.dataDir;
    client.records.set('shape:before', fakeNote('before', 'avant'));
    await eventually(async () => expect((await readStoredBoard(dataDir, id)).has('shape:before')).toBe(true));

    // A directory where the log should be fails every write, even for root.
    const log = path.join(dataDir, 'boards', id, 'updates.log');
    await rename(log, `${log}.aside`);
    await mkdir(log);
    client.records.set('shape:during', fakeNote('during', 'pendant'));
    await eventually(async () => expect(await health(t)).toMatchObject({ status: 503, body: { status: 'degraded' } }));

    await rmdir(log);
    await rename(`${log}.aside`, log);
    await eventually(async () => expect((await health(t)).status).toBe(200));
    t = await t.restart();
    const fresh = connectYjsClient(t.wsUrl, id, { token });
    clients.push(fresh);
    await whenSynced(fresh);
    expect(fresh.records.get('shape:before')).toMatchObject(withText('avant'));
    expect(fresh.records.get('shape:during')).toMatchObject(withText('pendant'));
  });
});
