import { afterEach, describe, expect, it } from 'vitest';
import { authed, createSession, joinSession } from '../helpers/api.js';
import { connectFacilitation, send, type FacilitationClient } from '../helpers/facilitationClient.js';
import { noteRecord } from '../helpers/records.js';
import { serverPerFile } from '../helpers/serverPerFile.js';
import { connectYjsClient, eventually, whenSynced, type YjsClient } from '../helpers/yjsClient.js';

describe('the workshop status follows the workshop: preparation → running → finished', () => {
  const env = serverPerFile();
  const open: (FacilitationClient | YjsClient)[] = [];
  afterEach(() => {
    for (const c of open.splice(0)) {
      if ('socket' in c) c.close();
      else c.destroy();
    }
  });
  const status = async (id: string) => ((await (await fetch(`${env.t.url}/api/sessions/${id}`)).json()) as { status: string }).status;
  const board = async (id: string, token: string) => {
    const client = connectYjsClient(env.t.wsUrl, id, { token });
    open.push(client);
    await whenSynced(client);
    return client;
  };
  const facilitation = async (id: string, token: string) => {
    const client = await connectFacilitation(env.t.url, id, token);
    open.push(client);
    return client;
  };

  it("starts running at a participant's first edit, not at the facilitator's preparation", async () => {
    const session = await createSession(env.t.url, { title: 'Premier geste' });
    const facilitatorBoard = await board(session.id, session.access.token);
    facilitatorBoard.records.set('shape:consigne', noteRecord('consigne', 'Préparée avant', { x: 0, y: 0 }));
    await new Promise((r) => setTimeout(r, 300));
    expect(await status(session.id)).toBe('preparation');

    const alex = await joinSession(env.t.url, session.joinCode, 'Alex', 'elu');
    const alexBoard = await board(session.id, alex.token);
    alexBoard.records.set('shape:idee', noteRecord('idee', 'Une idée', { x: 200, y: 0 }, { participantId: alex.participantId, college: 'elu' }));
    await eventually(async () => expect(await status(session.id)).toBe('running'));
  });

  it('starts running at the first step', async () => {
    const session = await createSession(env.t.url, { title: 'Première étape' });
    const control = await facilitation(session.id, session.access.token);
    await send(control.socket, 'steps:set', { steps: [{ title: 'Tour de table', minutes: 5 }] });
    expect(await status(session.id)).toBe('preparation');
    expect(await send(control.socket, 'steps:go', { index: 0, startTimer: true })).toEqual({ ok: true, data: undefined });
    expect(await status(session.id)).toBe('running');
  });

  it('ends the workshop: the timer stops, the open vote closes with its results, participants are told', async () => {
    const session = await createSession(env.t.url, { title: 'Clôture' });
    const facilitatorBoard = await board(session.id, session.access.token);
    facilitatorBoard.records.set('shape:banc', noteRecord('banc', 'Un banc', { x: 0, y: 0 }));
    const control = await facilitation(session.id, session.access.token);
    const alex = await joinSession(env.t.url, session.joinCode, 'Alex', 'elu');
    const alexSocket = await facilitation(session.id, alex.token);
    const told: string[] = [];
    alexSocket.socket.on('session:changed', (change) => told.push(change.status));
    await send(control.socket, 'steps:set', { steps: [{ title: 'Vote', minutes: 10, voting: true }] });
    await send(control.socket, 'steps:go', { index: 0, startTimer: true });
    await eventually(async () =>
      expect(await env.t.server.registry.withBoard(session.id, (room) => room.doc.getMap('records').has('shape:banc'))).toBe(true),
    );
    expect(await send(alexSocket.socket, 'vote:cast', { shapeId: 'shape:banc' })).toMatchObject({ ok: true });

    const refused = await send(alexSocket.socket, 'workshop:end', {});
    expect(refused).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await send(control.socket, 'workshop:end', {})).toEqual({ ok: true, data: undefined });

    expect(await status(session.id)).toBe('finished');
    await eventually(() => expect(told).toContain('finished'));
    await eventually(() => {
      const state = alexSocket.state()!;
      expect(state.timer).toBeNull();
      expect(state.vote).toMatchObject({ status: 'closed', results: [{ shapeId: 'shape:banc', total: 1, byCollege: { elu: 1 }, text: 'Un banc' }] });
    });
  });

  it('stops the timer and closes the vote when the record card or the dashboard finishes the session', async () => {
    const session = await createSession(env.t.url, { title: 'Par la fiche' });
    const control = await facilitation(session.id, session.access.token);
    await send(control.socket, 'timer:start', { durationMs: 600_000 });
    await send(control.socket, 'vote:open', { canvasId: null, budget: 3, maxPerNote: 1, showTotals: false });
    const res = await fetch(`${env.t.url}/api/sessions/${session.id}`, authed(session.access.token, { method: 'PATCH', body: JSON.stringify({ status: 'finished' }) }));
    expect(res.status).toBe(200);
    await eventually(() => {
      expect(control.state()?.timer).toBeNull();
      expect(control.state()?.vote).toMatchObject({ status: 'closed', results: [] });
    });
  });
});
