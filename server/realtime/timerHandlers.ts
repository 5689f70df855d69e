/** The shared timer: start, pause, resume, one more minute, stop. State only; clients count down. */
import { empty, timerStartPayload } from '../../shared/facilitation.js';
import { TIMER_EXTRA_MS } from '../../shared/facilitationLimits.js';
import { extendTimer, pauseTimer, resumeTimer, startTimer, type TimerState } from '../../shared/timer.js';
import type { TrameSocket } from './attachRealtime.js';
import { defineCommand } from './defineCommand.js';
import type { Facilitation } from './Facilitation.js';
import { noTimer } from './FacilitationError.js';

export function timerHandlers(socket: TrameSocket, f: Facilitation): void {
  const onTimer = (sessionId: string, next: (timer: TimerState, now: number) => TimerState | null) =>
    f.change(sessionId, (current) => {
      if (!current.timer) throw noTimer();
      return { ...current, timer: next(current.timer, f.now()) };
    });

  defineCommand(socket, f.log, 'timer:start', timerStartPayload, 'facilitator', async ({ durationMs }, p) => {
    await f.change(p.sessionId, (current) => ({ ...current, timer: startTimer(durationMs, f.now()) }));
  });
  defineCommand(socket, f.log, 'timer:pause', empty, 'facilitator', async (_, p) => {
    await onTimer(p.sessionId, pauseTimer);
  });
  defineCommand(socket, f.log, 'timer:resume', empty, 'facilitator', async (_, p) => {
    await onTimer(p.sessionId, resumeTimer);
  });
  defineCommand(socket, f.log, 'timer:addMinute', empty, 'facilitator', async (_, p) => {
    await onTimer(p.sessionId, (timer, now) => extendTimer(timer, TIMER_EXTRA_MS, now));
  });
  defineCommand(socket, f.log, 'timer:stop', empty, 'facilitator', async (_, p) => {
    await onTimer(p.sessionId, () => null);
  });
}
