import { afterAll, describe, expect, it } from 'vitest';
import type { Config } from '../../server/config.js';
import { trameMeta } from '../../shared/boardLayout.js';
import { authed, createSession, joinSession } from '../helpers/api.js';
import { createTestSchema, hasPostgres } from '../helpers/engines.js';
import { connectFacilitation, getState, send } from '../helpers/facilitationClient.js';
import { noteRecord } from '../helpers/records.js';
import { makeDataDir, removeDataDir, startTestServer } from '../helpers/startTestServer.js';
import { connectYjsClient, eventually, whenSynced } from '../helpers/yjsClient.js';

const cleanup: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const step of cleanup.reverse()) await step();
});

/** Each engine's settings shared by the servers a test starts one after the other on the same data. */
const engines: { name: string; skip: boolean; settings(): Promise<Partial<Config>> }[] = [
  {
    name: 'the embedded engine (lowdb)',
    skip: false,
    async settings() {
      const dataDir = await makeDataDir();
      cleanup.push(() => removeDataDir(dataDir));
      return { dataDir };
    },
  },
  {
    name: 'PostgreSQL',
    skip: !hasPostgres,
    async settings() {
      const [schema, dataDir] = await Promise.all([createTestSchema(), makeDataDir()]);
      cleanup.push(() => schema.drop(), () => removeDataDir(dataDir));
      return { databaseUrl: schema.url, dataDir };
    },
  },
];

const privateNoteCount = async (url: string, sessionId: string, token: string) => {
  const facilitator = await connectFacilitation(url, sessionId, token);
  const state = await getState(facilitator.socket);
  facilitator.close();
  return state.ok ? (state.data as { privateNoteCount: number }).privateNoteCount : -1;
};

describe.each(engines)('the retention purge on $name', (engine) => {
  it.skipIf(engine.skip)('removes author ids from old boards and private notes never revealed, once, and keeps what was said', async () => {
    const settings = await engine.settings();
    let t = await startTestServer(settings);
    const session = await createSession(t.url, { title: 'Ancien atelier', facilitatorName: 'Dominique' });
    const yasmine = await joinSession(t.url, session.joinCode, 'Yasmine', 'habitant');
    const board = connectYjsClient(t.wsUrl, session.id, { token: yasmine.token });
    await whenSynced(board);
    board.records.set('shape:bancs', noteRecord('bancs', 'Des bancs place du marché', { x: 0, y: 0 }));
    await eventually(async () => {
      const note = (await t.server.boards.records(session.id)).find((r) => r.id === 'shape:bancs');
      expect(note && trameMeta(note)?.authorId).toBe(yasmine.participantId);
    });
    board.destroy();
    const [facilitator, author] = await Promise.all([
      connectFacilitation(t.url, session.id, session.access.token),
      connectFacilitation(t.url, session.id, yasmine.token),
    ]);
    await send(facilitator.socket, 'private:set', { enabled: true });
    const secret = { record: noteRecord('secret', 'Une idée jamais révélée', { x: 900, y: 0 }) };
    expect(await send(author.socket, 'private:upsert', secret)).toMatchObject({ ok: true });
    facilitator.close();
    author.close();
    const suites = `${t.url}/api/sessions/${session.id}/suites`;
    const made = await fetch(suites, authed(session.access.token, { method: 'POST', body: JSON.stringify({ noteIds: ['shape:bancs'] }) }));
    expect(made.status).toBe(201);
    const mine = async (url: string) => ((await (await fetch(`${url}/api/sessions/${session.id}/suites/mine`, authed(yasmine.token))).json()).suites as unknown[]);
    expect(await mine(t.url)).toHaveLength(1);
    await t.close();

    // Every session is past a retention of 0 days when the next server starts (the purge runs at start).
    t = await startTestServer({ ...settings, retentionDays: 0 });
    const records = await t.server.boards.records(session.id);
    const note = records.find((r) => r.id === 'shape:bancs')!;
    expect(JSON.stringify(note.props)).toContain('Des bancs place du marché');
    expect(trameMeta(note)).toEqual({ college: 'habitant' });
    expect(JSON.stringify(records)).not.toContain(yasmine.participantId);
    expect(await privateNoteCount(t.url, session.id, session.access.token)).toBe(0);
    const stored = (await t.server.sessions.get(session.id))!;
    expect(JSON.stringify(stored)).not.toMatch(/Yasmine|Dominique/);
    const forgottenAt = stored.authorsForgottenAt;
    expect(forgottenAt).toEqual(expect.any(String));
    // The suite made from her note no longer knows it was hers.
    expect(await mine(t.url)).toEqual([]);
    await t.close();

    // The next run leaves a purged board alone.
    t = await startTestServer({ ...settings, retentionDays: 0 });
    expect((await t.server.sessions.get(session.id))!.authorsForgottenAt).toBe(forgottenAt);
    await t.close();
  });

  it.skipIf(engine.skip)('drops private notes never revealed when the workshop is archived, and keeps the revealed ones', async () => {
    const t = await startTestServer(await engine.settings());
    const session = await createSession(t.url, { title: 'Atelier' });
    const yasmine = await joinSession(t.url, session.joinCode, 'Yasmine', 'habitant');
    const [facilitator, author] = await Promise.all([
      connectFacilitation(t.url, session.id, session.access.token),
      connectFacilitation(t.url, session.id, yasmine.token),
    ]);
    await send(facilitator.socket, 'private:set', { enabled: true });
    await send(author.socket, 'private:upsert', { record: noteRecord('revealed', 'Dite à tous', { x: 0, y: 0 }) });
    await send(facilitator.socket, 'private:reveal', {});
    await send(facilitator.socket, 'private:set', { enabled: true });
    expect(await send(author.socket, 'private:upsert', { record: noteRecord('kept', 'Gardée pour moi', { x: 300, y: 0 }) })).toMatchObject({ ok: true });
    expect(await privateNoteCount(t.url, session.id, session.access.token)).toBe(1);
    facilitator.close();
    author.close();

    const archived = await fetch(`${t.url}/api/sessions/${session.id}`, authed(session.access.token, { method: 'PATCH', body: JSON.stringify({ status: 'archived' }) }));
    expect(archived.status).toBe(200);
    await eventually(async () => expect(await privateNoteCount(t.url, session.id, session.access.token)).toBe(0));
    expect((await t.server.boards.records(session.id)).map((r) => r.id)).toContain('shape:revealed');
    await t.close();
  });
});
