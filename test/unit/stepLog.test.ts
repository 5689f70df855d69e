import { describe, expect, it } from 'vitest';
import { logStepEntered } from '../../server/realtime/stepLog.js';

describe('the log of steps run', () => {
  it('ends the current step when another is entered, and keeps it running when the same one is entered again', () => {
    let log = logStepEntered([], 'a', 1_000);
    log = logStepEntered(log, 'a', 2_000);
    expect(log).toEqual([{ stepId: 'a', startedAt: 1_000, endedAt: null }]);
    log = logStepEntered(log, 'b', 5_000);
    log = logStepEntered(log, 'a', 9_000);
    expect(log).toEqual([
      { stepId: 'a', startedAt: 1_000, endedAt: 5_000 },
      { stepId: 'b', startedAt: 5_000, endedAt: 9_000 },
      { stepId: 'a', startedAt: 9_000, endedAt: null },
    ]);
  });
});
