import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { remainingMs } from '../../shared/timer.js';
import { createSession, joinSession, type CreatedSession } from '../helpers/api.js';
import { connectFacilitation, send, type FacilitationClient } from '../helpers/facilitationClient.js';
import { manualClock, type ManualClock } from '../helpers/manualClock.js';
import { removeDataDir, startTestServer, type TestServer } from '../helpers/startTestServer.js';
import { eventually } from '../helpers/yjsClient.js';


describe('the shared timer', () => {
  let t: TestServer;
  let session: CreatedSession;
  let clock: ManualClock;
  const clients: FacilitationClient[] = [];
  const connect = async (token: string) => {
    const client = await connectFacilitation(t.url, session.id, token);
    clients.push(client);
    return client;
  };
  const remaining = (client: FacilitationClient) => {
    const state = client.state();
    return state?.timer ? remainingMs(state.timer, clock.now()) : undefined;
  };

  beforeEach(async () => {
    clock = manualClock();
    t = await startTestServer({}, { now: clock.now });
    session = await createSession(t.url);
  });
  afterEach(async () => {
    for (const c of clients.splice(0)) c.close();
    await t.close();
    await removeDataDir(t.dataDir);
  });

  it('keeps the right remaining time across pause, resume, one more minute and a server restart', async () => {
    const grant = await joinSession(t.url, session.joinCode, 'Camille', 'habitant');
    const facilitator = await connect(session.access.token);
    const participant = await connect(grant.token);

    expect(await send(facilitator.socket, 'timer:start', { durationMs: 5 * 60_000 })).toEqual({ ok: true });
    await eventually(() => expect(remaining(participant)).toBe(5 * 60_000));
    clock.advance(60_000);
    expect(remaining(participant)).toBe(4 * 60_000);

    expect((await send(facilitator.socket, 'timer:pause')).ok).toBe(true);
    await eventually(() => expect(participant.state()?.timer?.pausedAt).not.toBeNull());
    clock.advance(10 * 60_000);
    expect(remaining(participant)).toBe(4 * 60_000);

    for (const c of clients.splice(0)) c.close();
    t = await t.restart();
    const again = await connect(grant.token);
    await eventually(() => expect(remaining(again)).toBe(4 * 60_000));

    const facilitatorAgain = await connect(session.access.token);
    expect((await send(facilitatorAgain.socket, 'timer:resume')).ok).toBe(true);
    clock.advance(30_000);
    await eventually(() => expect(remaining(again)).toBe(3.5 * 60_000));
    expect((await send(facilitatorAgain.socket, 'timer:addMinute')).ok).toBe(true);
    await eventually(() => expect(remaining(again)).toBe(4.5 * 60_000));

    expect((await send(facilitatorAgain.socket, 'timer:stop')).ok).toBe(true);
    await eventually(() => expect(again.state()?.timer).toBeNull());
  });

  it("sends the server's clock with the state, so clients correct their own clock's offset", async () => {
    const facilitator = await connect(session.access.token);
    await send(facilitator.socket, 'timer:start', { durationMs: 60_000 });
    await eventually(() => expect(facilitator.state()?.timer).toBeTruthy());
    expect(facilitator.state()?.serverNow).toBe(clock.now());
  });

  it('refuses an impossible duration with a named error', async () => {
    const facilitator = await connect(session.access.token);
    const result = await send(facilitator.socket, 'timer:start', { durationMs: -5 });
    expect(result).toMatchObject({ ok: false, code: 'invalid_payload' });
    expect(await send(facilitator.socket, 'timer:pause')).toMatchObject({ ok: false, code: 'no_timer' });
  });
});
