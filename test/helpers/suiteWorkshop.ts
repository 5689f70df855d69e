/** A workshop with ideas to follow: written by two participants of different collèges, voted on. */
import { expect } from 'vitest';
import { boardRecords, type BoardRecord } from '../../shared/boardLayout.js';
import { createSession, joinSession } from './api.js';
import { connectFacilitation, send } from './facilitationClient.js';
import { noteRecord, zoneRecord } from './records.js';
import type { TestServer } from './startTestServer.js';
import { connectYjsClient, eventually, whenSynced } from './yjsClient.js';

/**
 * A board with one zone, two notes by Zoé (élue) and one by Malik (habitant), and a closed vote on them
 * (« Un bus le dimanche » 2 dots, « Une navette vers la gare » 1); `extra` records are written with them.
 */
export async function suiteWorkshop(t: TestServer, extra: BoardRecord[] = []) {
  const session = await createSession(t.url, { title: 'Atelier mobilités', description: { date: '2026-11-20', territory: { name: 'Rezé', echelon: 'commune' } } });
  const zoe = await joinSession(t.url, session.joinCode, 'Zoé', 'elu');
  const malik = await joinSession(t.url, session.joinCode, 'Malik', 'habitant');
  const board = connectYjsClient(t.wsUrl, session.id, { token: session.access.token });
  await whenSynced(board);
  board.records.set('shape:c1-atouts', zoneRecord('c1', 'atouts', 'Atouts', { x: 0, y: 0, w: 2000, h: 1000 }));
  board.records.set('shape:bus', noteRecord('bus', 'Un bus le dimanche', { x: 50, y: 300 }, { participantId: zoe.participantId, college: 'elu' }));
  board.records.set('shape:navette', noteRecord('navette', 'Une navette vers la gare', { x: 300, y: 300 }, { participantId: zoe.participantId, college: 'elu' }));
  board.records.set('shape:banc', noteRecord('banc', 'Des bancs place du marché', { x: 3000, y: 3000 }, { participantId: malik.participantId, college: 'habitant' }));
  for (const record of extra) board.records.set(record.id, record);
  await eventually(async () => {
    const present = await t.server.registry.withBoard(session.id, (room) => boardRecords(room.doc).has('shape:banc'));
    expect(present).toBe(true);
  });
  board.destroy();

  const facilitator = await connectFacilitation(t.url, session.id, session.access.token);
  const voters = await Promise.all([zoe, malik].map((g) => connectFacilitation(t.url, session.id, g.token)));
  await send(facilitator.socket, 'vote:open', { canvasId: null, budget: 3, maxPerNote: 2, showTotals: true });
  await send(voters[0]!.socket, 'vote:cast', { shapeId: 'shape:bus' });
  await send(voters[1]!.socket, 'vote:cast', { shapeId: 'shape:bus' });
  await send(voters[1]!.socket, 'vote:cast', { shapeId: 'shape:navette' });
  await send(facilitator.socket, 'vote:close', {});
  for (const c of [facilitator, ...voters]) c.close();
  return { session, zoe, malik };
}
