import { describe, expect, it } from 'vitest';
import { fuzzWhileSyncing } from '../helpers/fuzzWhileSyncing.js';

describe('hostile frames on /yjs and /socket.io', () => {
  // The server runs as a child process that tsx compiles at start: slow on a busy host.
  it('survives 10,000 of them, logs them, and keeps another board syncing throughout', { timeout: 90_000 }, async () => {
    const report = await fuzzWhileSyncing(10_000);
    expect(report).toMatchObject({ serverAlive: true, healthStatus: 200, calmBoardConverged: true });
    expect(report.rejectionsLogged).toBeGreaterThan(1_000);
  });
});
