/**
 * The shared timer, as state: clients compute what remains from it, so no
 * tick ever travels. Times are server epoch milliseconds.
 */
import { TIMER_MAX_MS } from './facilitationLimits.js';

export interface TimerState {
  startedAt: number;
  durationMs: number;
  /** When it was paused, or null while it runs. */
  pausedAt: number | null;
}

/** Milliseconds left at `now`, never below zero. */
export function remainingMs(timer: TimerState, now: number): number {
  const elapsed = (timer.pausedAt ?? now) - timer.startedAt;
  return Math.max(0, timer.durationMs - elapsed);
}

export function isTimerOver(timer: TimerState, now: number): boolean {
  return remainingMs(timer, now) === 0;
}

export function startTimer(durationMs: number, now: number): TimerState {
  return { startedAt: now, durationMs: Math.min(durationMs, TIMER_MAX_MS), pausedAt: null };
}

export function pauseTimer(timer: TimerState, now: number): TimerState {
  return timer.pausedAt === null ? { ...timer, pausedAt: now } : timer;
}

/** Shifts the start by the paused time, so the remaining time is what it was at the pause. */
export function resumeTimer(timer: TimerState, now: number): TimerState {
  if (timer.pausedAt === null) return timer;
  return { startedAt: timer.startedAt + (now - timer.pausedAt), durationMs: timer.durationMs, pausedAt: null };
}

/** Adds time to what remains; a timer that already ran out restarts with just the extra time. */
export function extendTimer(timer: TimerState, extraMs: number, now: number): TimerState {
  if (isTimerOver(timer, now)) return { ...startTimer(extraMs, now), pausedAt: timer.pausedAt === null ? null : now };
  return { ...timer, durationMs: Math.min(timer.durationMs + extraMs, TIMER_MAX_MS) };
}

/** "mm:ss", rounding up so the display reads 00:00 only at the very end. */
export function formatRemaining(ms: number): string {
  const totalSeconds = Math.ceil(ms / 1_000);
  const minutes = Math.floor(totalSeconds / 60);
  const seconds = totalSeconds % 60;
  return `${String(minutes).padStart(2, '0')}:${String(seconds).padStart(2, '0')}`;
}
