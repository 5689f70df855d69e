import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { TIMER_WARNING_MS } from '../../shared/facilitationLimits.js';
import { formatRemaining, remainingMs, type TimerState } from '../../shared/timer.js';
import type { EndSound } from './useEndSound.js';
import { useServerNow } from './useServerNow.js';

/**
 * The shared countdown; the last seconds and the end stand out. Compact in the
 * workshop bar, large on the room view. With `sound`, this copy chimes at the end.
 */
export function TimerDisplay({ timer, clockOffsetMs, onEnd, sound, size = 'compact' }: {
  timer: TimerState;
  clockOffsetMs: number;
  onEnd: () => void;
  sound?: EndSound;
  size?: 'compact' | 'large';
}) {
  const { t } = useTranslation();
  const now = useServerNow(clockOffsetMs, timer.pausedAt === null);
  const left = remainingMs(timer, now);
  const over = left === 0;
  const signalled = useRef<TimerState | null>(null);

  useEffect(() => {
    if (!over || signalled.current === timer) return;
    // A timer that was already over when we arrived is shown as over, not announced again.
    const justEnded = now - (timer.startedAt + timer.durationMs) < 2_000;
    signalled.current = timer;
    if (!justEnded || timer.pausedAt !== null) return;
    sound?.play();
    onEnd();
  }, [over, timer, now, sound, onEnd]);

  const state = over ? 'over' : left <= TIMER_WARNING_MS ? 'warning' : timer.pausedAt !== null ? 'paused' : 'running';
  return (
    <div className={`facilitation-timer facilitation-timer--${state} facilitation-timer--${size}`} data-testid="facilitation-timer">
      <span className="facilitation-timer__digits" role="timer" aria-label={t('facilitation.timer.label')}>
        {formatRemaining(left)}
      </span>
      {over && <span className="facilitation-timer__note">{t('facilitation.timer.over')}</span>}
      {!over && timer.pausedAt !== null && <span className="facilitation-timer__note">{t('facilitation.timer.paused')}</span>}
      {sound && (
        <button
          type="button"
          className="is-quiet facilitation-timer__sound"
          aria-pressed={sound.enabled}
          title={t('facilitation.timer.sound')}
          onClick={() => sound.toggle(!sound.enabled)}
        >
          <BellIcon muted={!sound.enabled} />
          <span className="visually-hidden">{t('facilitation.timer.sound')}</span>
        </button>
      )}
    </div>
  );
}

/** Drawn rather than an emoji: projector PCs and Linux laptops often lack an emoji font. */
function BellIcon({ muted }: { muted: boolean }) {
  return (
    <svg width="18" height="18" viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round">
      <path d="M6 16V11a6 6 0 0 1 12 0v5l2 2H4z" />
      <path d="M10 20a2 2 0 0 0 4 0" />
      {muted && <path d="M3 3l18 18" />}
    </svg>
  );
}
