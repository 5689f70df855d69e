/**
 * « Réparer le tableau »: a board stored before the server checked edits may
 * hold records tldraw refuses, and one blanks the board in every browser.
 * The facilitator's repair removes them, and the rest opens, also after a restart.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { META_SCHEMA, boardMeta } from '../../shared/boardLayout.js';
import { apiPaths } from '../../shared/paths.js';
import { authed, createSession, joinSession } from '../helpers/api.js';
import { connectWithRefusals, openInTldraw, recordsOf, type TrustedClient } from '../helpers/boardTrust.js';
import { noteRecord } from '../helpers/records.js';
import { serverPerFile } from '../helpers/serverPerFile.js';
import { eventually } from '../helpers/yjsClient.js';

const env = serverPerFile();
const opened: TrustedClient[] = [];
afterAll(() => opened.forEach((c) => c.destroy()));

describe('repairing a board', () => {
  it('removes what tldraw refuses, restores the schema, and the rest of the board opens everywhere', async () => {
    const session = await createSession(env.t.url, { title: 'Ancien tableau', templateIds: ['afom-du-territoire'] });
    const grant = await joinSession(env.t.url, session.joinCode, 'Alex', 'habitant');
    // A facilitator's client is not checked: it stands for what older servers stored from anyone.
    const legacy = await connectWithRefusals(env.t, session.id, session.access.token);
    opened.push(legacy);
    const kept = noteRecord('kept', 'Une idée à garder', { x: 0, y: 0 });
    legacy.doc.transact(() => {
      legacy.records.set(kept.id, kept);
      legacy.records.set('shape:broken', { ...noteRecord('broken', 'cassée', { x: 0, y: 0 }), props: { color: 'pink' } });
      legacy.records.set('shape:elsewhere', { ...kept, x: 500 });
      boardMeta(legacy.doc).set(META_SCHEMA, { schemaVersion: 99, sequences: {} });
    });
    const participant = await connectWithRefusals(env.t, session.id, grant.token);
    opened.push(participant);
    await eventually(() => expect(participant.records.has('shape:broken')).toBe(true));
    expect(() => openInTldraw(participant.doc)).toThrow();

    expect((await fetch(`${env.t.url}${apiPaths.sessionBoardRepair(session.id)}`, authed(grant.token, { method: 'POST' }))).status).toBe(403);
    const res = await fetch(`${env.t.url}${apiPaths.sessionBoardRepair(session.id)}`, authed(session.access.token, { method: 'POST' }));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ removed: 2, schemaRestored: true });

    await eventually(() => expect(participant.records.has('shape:broken')).toBe(false));
    expect(participant.records.has('shape:elsewhere')).toBe(false);
    expect(participant.records.get(kept.id)).toEqual(kept);
    const count = openInTldraw(participant.doc);
    expect(count).toBe(recordsOf(participant).size);

    env.t = await env.t.restart();
    const fresh = await connectWithRefusals(env.t, session.id, session.access.token);
    opened.push(fresh);
    expect(openInTldraw(fresh.doc)).toBe(count);
  });
});
