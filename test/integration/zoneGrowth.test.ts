/**
 * A full zone grows on request of anyone who may edit the board: in one
 * update every client receives, only when the zone is really full, never
 * while the board is paused or for someone who only watches.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { readBoardGeometry } from '../../shared/boardGeometry.js';
import { placeNote } from '../../shared/notePlacement.js';
import { authed, createSession, joinSession } from '../helpers/api.js';
import { connectFacilitation, send, type FacilitationClient } from '../helpers/facilitationClient.js';
import { noteRecord } from '../helpers/records.js';
import { serverPerFile } from '../helpers/serverPerFile.js';
import { connectYjsClient, eventually, whenSynced, type YjsClient } from '../helpers/yjsClient.js';

const env = serverPerFile();
const sockets: FacilitationClient[] = [];
const clients: YjsClient[] = [];
afterAll(() => {
  sockets.forEach((s) => s.close());
  clients.forEach((c) => c.destroy());
});

async function observerToken(sessionId: string, facilitatorToken: string): Promise<string> {
  const res = await fetch(`${env.t.url}/api/sessions/${sessionId}/links`, authed(facilitatorToken, { method: 'POST', body: JSON.stringify({ role: 'observer' }) }));
  return ((await res.json()) as { token: string }).token;
}

describe('a full zone grows', () => {
  it("grows the AFOM's Atouts by one row once full, for everyone, and refuses pauses, watchers, unknown zones and forged requests", async () => {
    const session = await createSession(env.t.url, { title: 'AFOM', templateIds: ['afom-du-territoire'] });
    const grant = await joinSession(env.t.url, session.joinCode, 'Sacha', 'habitant');
    const author = { participantId: grant.participantId, college: 'habitant' };
    const sacha = connectYjsClient(env.t.wsUrl, session.id, { token: grant.token });
    const facilitator = connectYjsClient(env.t.wsUrl, session.id, { token: session.access.token });
    clients.push(sacha, facilitator);
    await Promise.all([whenSynced(sacha), whenSynced(facilitator)]);
    const socket = await connectFacilitation(env.t.url, session.id, grant.token);
    const animation = await connectFacilitation(env.t.url, session.id, session.access.token);
    sockets.push(socket, animation);
    const atouts = () => readBoardGeometry(facilitator.records.values()).zones.find((z) => z.zoneId === 'atouts')!;
    const before = atouts();
    // One row of the AFOM's notes, drawn larger than tldraw's so they read when the canvas is framed.
    const row = (200 + 20) * readBoardGeometry(facilitator.records.values()).canvases[0]!.noteScale;
    expect(row).toBeGreaterThan(220);

    // Room left: asking changes nothing.
    expect(await send(socket.socket, 'zone:grow', { zoneShapeId: before.shapeId })).toEqual({ ok: true, data: undefined });
    await new Promise((r) => setTimeout(r, 200));
    expect(atouts().box).toEqual(before.box);

    // Sacha fills Atouts as the list view would, then asks: the zone grows by a row, seen by the facilitator.
    for (let n = 0; ; n++) {
      const geometry = readBoardGeometry(sacha.records.values());
      const spot = placeNote(geometry, geometry.zones.find((z) => z.shapeId === before.shapeId)!);
      if (spot.overflow) break;
      const note = noteRecord(`atout-${n}`, `Atout ${n}`, spot, author);
      sacha.records.set(note.id, note);
      await eventually(() => expect(facilitator.records.has(note.id)).toBe(true));
    }
    expect((await send(socket.socket, 'zone:grow', { zoneShapeId: before.shapeId })).ok).toBe(true);
    await eventually(() => expect(atouts().box.h).toBeCloseTo(before.box.h + row));
    await eventually(() => {
      const geometry = readBoardGeometry(sacha.records.values());
      expect(placeNote(geometry, geometry.zones.find((z) => z.shapeId === before.shapeId)!).overflow).toBe(false);
    });

    const paused = await send(animation.socket, 'pause:set', { paused: true });
    expect(paused.ok).toBe(true);
    expect(await send(socket.socket, 'zone:grow', { zoneShapeId: before.shapeId })).toMatchObject({ ok: false, code: 'board_paused' });
    expect((await send(animation.socket, 'pause:set', { paused: false })).ok).toBe(true);

    const watcher = await connectFacilitation(env.t.url, session.id, await observerToken(session.id, session.access.token));
    sockets.push(watcher);
    expect(await send(watcher.socket, 'zone:grow', { zoneShapeId: before.shapeId })).toMatchObject({ ok: false, code: 'board_read_only' });
    expect(await send(socket.socket, 'zone:grow', { zoneShapeId: 'shape:nulle-part' })).toMatchObject({ ok: false, code: 'zone_not_found' });
    for (const forged of [{}, { zoneShapeId: 'page:page' }, { zoneShapeId: before.shapeId, extra: 1 }, 'atouts']) {
      expect(await send(socket.socket, 'zone:grow', forged)).toMatchObject({ ok: false, code: 'invalid_payload' });
    }
    expect(atouts().box.h).toBeCloseTo(before.box.h + row);
  });
});
