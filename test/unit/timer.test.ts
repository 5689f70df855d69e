import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { extendTimer, formatRemaining, pauseTimer, remainingMs, resumeTimer, startTimer } from '../../shared/timer.js';

describe('the shared timer', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-11-23T14:00:00Z'));
  });
  afterEach(() => vi.useRealTimers());

  it('counts down from its duration as time passes', () => {
    const timer = startTimer(5 * 60_000, Date.now());
    vi.advanceTimersByTime(90_000);
    expect(remainingMs(timer, Date.now())).toBe(210_000);
  });

  it('stands still while paused and resumes where it stopped', () => {
    let timer = startTimer(60_000, Date.now());
    vi.advanceTimersByTime(20_000);
    timer = pauseTimer(timer, Date.now());
    vi.advanceTimersByTime(5 * 60_000);
    expect(remainingMs(timer, Date.now())).toBe(40_000);
    timer = resumeTimer(timer, Date.now());
    vi.advanceTimersByTime(10_000);
    expect(remainingMs(timer, Date.now())).toBe(30_000);
  });

  it('never goes below zero', () => {
    const timer = startTimer(10_000, Date.now());
    vi.advanceTimersByTime(60_000);
    expect(remainingMs(timer, Date.now())).toBe(0);
  });

  it('adds a minute to a running or paused timer, and restarts one that ran out with that minute', () => {
    const running = startTimer(30_000, Date.now());
    expect(remainingMs(extendTimer(running, 60_000, Date.now()), Date.now())).toBe(90_000);
    const paused = pauseTimer(running, Date.now());
    const extended = extendTimer(paused, 60_000, Date.now());
    vi.advanceTimersByTime(30_000);
    expect(remainingMs(extended, Date.now())).toBe(90_000);
    vi.advanceTimersByTime(120_000);
    const over = resumeTimer(extended, Date.now());
    vi.advanceTimersByTime(100_000);
    expect(remainingMs(extendTimer(over, 60_000, Date.now()), Date.now())).toBe(60_000);
  });

  it('reads minutes and seconds, rounding up', () => {
    expect(formatRemaining(0)).toBe('00:00');
    expect(formatRemaining(1)).toBe('00:01');
    expect(formatRemaining(61_000)).toBe('01:01');
    expect(formatRemaining(10 * 60_000)).toBe('10:00');
  });
});
