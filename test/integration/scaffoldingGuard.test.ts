/**
 * Trame's client refuses a participant's changes to canvas scaffolding; a
 * modified client (here the stock provider, which refuses nothing) still
 * sends them, and the server writes the scaffolding back.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { trameMeta, type BoardRecord } from '../../shared/boardLayout.js';
import { createSession, joinSession } from '../helpers/api.js';
import { serverPerFile } from '../helpers/serverPerFile.js';
import { connectYjsClient, eventually, fakeNote, whenSynced, withText, type YjsClient } from '../helpers/yjsClient.js';

const env = serverPerFile();
const clients: YjsClient[] = [];
afterEach(() => {
  for (const c of clients.splice(0)) c.destroy();
});

async function connect(sessionId: string, token: string): Promise<YjsClient> {
  const client = connectYjsClient(env.t.wsUrl, sessionId, { token });
  clients.push(client);
  await whenSynced(client);
  return client;
}

const zones = (c: YjsClient) => [...c.records.values()].filter((r) => trameMeta(r)?.role === 'zone');

describe('canvas scaffolding on the server', () => {
  it("undoes a participant's move, deletion and forged scaffolding, and keeps its notes", async () => {
    const session = await createSession(env.t.url, { title: 'Atelier', templateIds: ['afom-du-territoire'] });
    const participant = await joinSession(env.t.url, session.joinCode);
    const facilitator = await connect(session.id, session.access.token);
    const rogue = await connect(session.id, participant.token);
    const [moved, deleted] = zones(rogue);
    const original = { ...moved! };

    rogue.doc.transact(() => {
      rogue.records.set(moved!.id, { ...moved!, x: (moved!.x as number) + 900, isLocked: false });
      rogue.records.delete(deleted!.id);
      rogue.records.set('shape:forged', { ...fakeNote('forged', 'Zone ajoutée'), meta: { trame: { role: 'zone', zoneId: 'faux' } } });
      rogue.records.set('shape:idea', fakeNote('idea', 'Une idée'));
    });

    for (const view of [facilitator, rogue, await connect(session.id, session.access.token)]) {
      await eventually(() => {
        expect(view.records.get(moved!.id)).toEqual(original);
        expect(view.records.get(deleted!.id)).toEqual(deleted);
        expect(view.records.has('shape:forged')).toBe(false);
        expect(view.records.get('shape:idea')).toMatchObject(withText('Une idée'));
      });
    }
  });

  it("keeps a facilitator's rearrangement", async () => {
    const session = await createSession(env.t.url, { title: 'Atelier', templateIds: ['afom-du-territoire'] });
    const facilitator = await connect(session.id, session.access.token);
    const participant = await connect(session.id, (await joinSession(env.t.url, session.joinCode)).token);
    const zone = zones(facilitator)[0]!;
    const moved: BoardRecord = { ...zone, x: (zone.x as number) + 900 };

    facilitator.records.set(zone.id, moved);

    await eventually(() => expect(participant.records.get(zone.id)).toEqual(moved));
    await new Promise((r) => setTimeout(r, 200));
    expect(facilitator.records.get(zone.id)).toEqual(moved);
  });
});
