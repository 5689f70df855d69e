import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { remainingMs } from '../../shared/timer.js';
import { createSession, joinSession, type CreatedSession } from '../helpers/api.js';
import { connectFacilitation, send, type FacilitationClient } from '../helpers/facilitationClient.js';
import { manualClock, type ManualClock } from '../helpers/manualClock.js';
import { removeDataDir, startTestServer, type TestServer } from '../helpers/startTestServer.js';
import { eventually } from '../helpers/yjsClient.js';

const steps = [
  { title: 'Accueil', instruction: 'Présentez-vous en une phrase.', minutes: 5 },
  { title: 'Idées', instruction: 'Une idée par note, chacun pour soi.', minutes: 10, privateWriting: true },
  { title: 'Vote', instruction: 'Trois gommettes chacun.', minutes: 5, voting: { budget: 3 } },
  { title: 'Synthèse', instruction: "L'animation présente les résultats.", minutes: 0, pauseBoard: true },
];

describe('the déroulé', () => {
  let t: TestServer;
  let session: CreatedSession;
  let clock: ManualClock;
  const sockets: FacilitationClient[] = [];
  const connect = async (token: string) => {
    const client = await connectFacilitation(t.url, session.id, token);
    sockets.push(client);
    return client;
  };

  beforeEach(async () => {
    clock = manualClock();
    t = await startTestServer({}, { now: clock.now });
    session = await createSession(t.url);
  });
  afterEach(async () => {
    for (const c of sockets.splice(0)) c.close();
    await t.close();
    await removeDataDir(t.dataDir);
  });

  it("shows everyone the current step, applies its settings and starts its timer when asked", async () => {
    const grant = await joinSession(t.url, session.joinCode, 'Alex', 'elu');
    const facilitator = await connect(session.access.token);
    const participant = await connect(grant.token);
    expect((await send(facilitator.socket, 'steps:set', { steps })).ok).toBe(true);
    await eventually(() => expect(participant.state()?.steps.map((s) => s.title)).toEqual(steps.map((s) => s.title)));
    expect(participant.state()?.currentStep).toBe(-1);

    await send(facilitator.socket, 'steps:go', { index: 1, startTimer: true });
    await eventually(() => expect(participant.state()).toMatchObject({ currentStep: 1, privateWriting: true, paused: false }));
    const timer = participant.state()?.timer;
    expect(timer && remainingMs(timer, clock.now())).toBe(10 * 60_000);

    await send(facilitator.socket, 'steps:go', { index: 2 });
    await eventually(() =>
      expect(participant.state()).toMatchObject({
        currentStep: 2,
        privateWriting: false,
        vote: { status: 'open', budget: 3, remaining: 3, canvasId: null },
      }),
    );

    await send(facilitator.socket, 'steps:go', { index: 3 });
    await eventually(() => expect(participant.state()).toMatchObject({ currentStep: 3, paused: true }));
    await send(facilitator.socket, 'steps:go', { index: 0 });
    await eventually(() => expect(participant.state()).toMatchObject({ currentStep: 0, paused: false }));
  });

  it('keeps the current step when the facilitator reorders, renames or adds steps, and across a restart', async () => {
    const facilitator = await connect(session.access.token);
    await send(facilitator.socket, 'steps:set', { steps });
    await send(facilitator.socket, 'steps:go', { index: 1 });
    await eventually(() => expect(facilitator.state()?.currentStep).toBe(1));
    const [accueil, idees, vote, synthese] = facilitator.state()?.steps ?? [];
    const edited = [{ ...idees, title: 'Idées (renommée)' }, accueil, vote, synthese, { title: 'Clôture', minutes: 2 }];
    expect((await send(facilitator.socket, 'steps:set', { steps: edited })).ok).toBe(true);
    await eventually(() => expect(facilitator.state()?.currentStep).toBe(0));
    expect(facilitator.state()?.steps[0]?.title).toBe('Idées (renommée)');
    expect(facilitator.state()?.steps).toHaveLength(5);

    for (const c of sockets.splice(0)) c.close();
    t = await t.restart();
    const again = await connect(session.access.token);
    await eventually(() => expect(again.state()).toMatchObject({ currentStep: 0, privateWriting: true }));
  });
});
