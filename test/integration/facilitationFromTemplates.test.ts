import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { authed, createSession, type CreatedSession } from '../helpers/api.js';
import { connectFacilitation, getState, send, type FacilitationClient } from '../helpers/facilitationClient.js';
import { removeDataDir, startTestServer, type TestServer } from '../helpers/startTestServer.js';
import { eventually } from '../helpers/yjsClient.js';

describe('the déroulé from the session templates', () => {
  let t: TestServer;
  let session: CreatedSession;
  let facilitator: FacilitationClient;
  beforeEach(async () => {
    t = await startTestServer();
    session = await createSession(t.url, { title: 'Acteurs', templateIds: ['carte-des-acteurs'] });
    facilitator = await connectFacilitation(t.url, session.id, session.access.token);
  });
  afterEach(async () => {
    facilitator.close();
    await t.close();
    await removeDataDir(t.dataDir);
  });

  it("lists the templates' steps and opens a step's vote on that step's canvas", async () => {
    await eventually(() =>
      expect(facilitator.state()?.steps.map((s) => s.title)).toEqual([
        'Poser le sujet',
        'Chacun place ses acteurs',
        'Tracer les liens',
        'Repérer les absents',
      ]),
    );
    await send(facilitator.socket, 'steps:go', { index: 1 });
    await eventually(() => expect(facilitator.state()).toMatchObject({ currentStep: 1, privateWriting: true }));
    await send(facilitator.socket, 'steps:go', { index: 3 });
    const canvasId = facilitator.state()?.steps[3]?.canvasId;
    expect(canvasId).toBeTruthy();
    await eventually(() => expect(facilitator.state()?.vote).toMatchObject({ status: 'open', canvasId }));
  });

  it("adds a canvas's steps at the end when one is added during the workshop, keeping the facilitator's edits", async () => {
    await eventually(() => expect(facilitator.state()?.steps).toHaveLength(4));
    const [first] = facilitator.state()?.steps ?? [];
    await send(facilitator.socket, 'steps:set', { steps: [{ ...first, title: 'Ouverture' }] });
    const res = await fetch(
      `${t.url}/api/sessions/${session.id}/canvases`,
      authed(session.access.token, { method: 'POST', body: JSON.stringify({ templateId: 'arbre-a-problemes' }) }),
    );
    expect(res.status).toBeLessThan(300);
    const state = await getState(facilitator.socket);
    if (!state.ok) throw new Error(state.message);
    const titles = (state.data as { steps: { title: string }[] }).steps.map((s) => s.title);
    expect(titles[0]).toBe('Ouverture');
    expect(titles.length).toBeGreaterThan(1);
    expect(titles).not.toContain('Poser le sujet');
  });
});
