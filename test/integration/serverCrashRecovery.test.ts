import { describe, expect, it } from 'vitest';
import { crashAndRecover } from '../helpers/crashRecovery.js';

describe('a server killed with SIGKILL while participants edit', () => {
  // Two child-process servers (before and after the kill), each compiled by tsx at start: slow on a busy host.
  it('gets back every edit from the 20 reconnecting clients, including those it had not written', { timeout: 90_000 }, async () => {
    const report = await crashAndRecover(20);
    expect(report.unwrittenAtKill).toBeGreaterThan(0);
    expect(report).toMatchObject({ missingOnClients: 0, missingOnFreshClient: 0, missingStored: 0 });
  });
});
