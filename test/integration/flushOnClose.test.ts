/**
 * A lone writer who closes the tab right after an edit: the server writes
 * the edit when the connection closes, not at the end of the write-behind
 * interval, which a crash in between would never reach.
 */
import { describe, expect, it } from 'vitest';
import { createSession } from '../helpers/api.js';
import { readStoredBoard } from '../helpers/readStoredBoard.js';
import { serverPerFile } from '../helpers/serverPerFile.js';
import { connectYjsClient, eventually, fakeNote, whenSynced, withText } from '../helpers/yjsClient.js';

const env = serverPerFile({ persistFlushIntervalMs: 1_000, boardUnloadGraceMs: 60_000 });

describe('a connection closing with unsaved edits', () => {
  it('has its edits written as it closes', async () => {
    const session = await createSession(env.t.url);
    const writer = connectYjsClient(env.t.wsUrl, session.id, { token: session.access.token });
    await whenSynced(writer);
    writer.records.set('shape:last', fakeNote('last', 'Dernière idée avant de partir'));
    await eventually(() => expect(env.t.server.registry.isLoaded(session.id)).toBe(true));
    await new Promise((r) => setTimeout(r, 100));
    writer.destroy();
    const closedAt = Date.now();
    await eventually(async () => expect((await readStoredBoard(env.t.dataDir, session.id)).get('shape:last')).toMatchObject(withText('Dernière idée avant de partir')), 800);
    expect(Date.now() - closedAt).toBeLessThan(900);
  });
});
