import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSession, joinSession, type CreatedSession } from '../helpers/api.js';
import { connectFacilitation, getState, send, type FacilitationClient } from '../helpers/facilitationClient.js';
import { removeDataDir, startTestServer, type TestServer } from '../helpers/startTestServer.js';

const facilitatorCommands: [string, unknown][] = [
  ['timer:start', { durationMs: 60_000 }],
  ['timer:pause', {}],
  ['timer:resume', {}],
  ['timer:addMinute', {}],
  ['timer:stop', {}],
  ['steps:set', { steps: [{ title: 'Étape pirate' }] }],
  ['steps:go', { index: 0 }],
  ['pause:set', { paused: true }],
  ['follow:start', {}],
  ['follow:stop', {}],
  ['vote:open', { canvasId: null, budget: 99, maxPerNote: 99, showTotals: true }],
  ['vote:close', {}],
  ['vote:clear', {}],
  ['private:set', { enabled: true }],
  ['private:reveal', {}],
];

describe('facilitation commands are reserved to facilitators', () => {
  let t: TestServer;
  let session: CreatedSession;
  let participant: FacilitationClient;
  beforeEach(async () => {
    t = await startTestServer();
    session = await createSession(t.url);
    const grant = await joinSession(t.url, session.joinCode, 'Alex', 'elu');
    participant = await connectFacilitation(t.url, session.id, grant.token);
  });
  afterEach(async () => {
    participant.close();
    await t.close();
    await removeDataDir(t.dataDir);
  });

  it('refuses every facilitator command from a participant with the forbidden code and a French message', async () => {
    for (const [event, payload] of facilitatorCommands) {
      const result = await send(participant.socket, event, payload);
      expect(result, event).toEqual({
        ok: false,
        code: 'forbidden',
        message: "Cette action est réservée à l'animation de l'atelier.",
      });
    }
  });

  it('leaves the state untouched after refused commands', async () => {
    for (const [event, payload] of facilitatorCommands) await send(participant.socket, event, payload);
    const state = await getState(participant.socket);
    expect(state).toMatchObject({ ok: true, data: { timer: null, currentStep: -1, paused: false, vote: null } });
  });

  it('refuses votes and private notes from facilitators, who animate rather than contribute', async () => {
    const facilitator = await connectFacilitation(t.url, session.id, session.access.token);
    expect(await send(facilitator.socket, 'vote:cast', { shapeId: 'shape:a' })).toMatchObject({ code: 'forbidden' });
    const note = { id: 'shape:a', typeName: 'shape', type: 'note', props: {}, meta: {} };
    expect(await send(facilitator.socket, 'private:upsert', { record: note })).toMatchObject({ code: 'forbidden' });
    facilitator.close();
  });

  it('answers a malformed payload with invalid_payload', async () => {
    const facilitator = await connectFacilitation(t.url, session.id, session.access.token);
    const result = await send(facilitator.socket, 'vote:open', { canvasId: null, budget: 500, maxPerNote: 1, showTotals: 'oui' });
    expect(result).toMatchObject({ ok: false, code: 'invalid_payload' });
    expect((await send(facilitator.socket, 'steps:go', { index: 3 })).ok).toBe(false);
    facilitator.close();
  });
});
