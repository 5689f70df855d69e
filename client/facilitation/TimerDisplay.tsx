import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { TIMER_WARNING_MS } from '../../shared/facilitationLimits.js';
import { formatRemaining, remainingMs, type TimerState } from '../../shared/timer.js';
import { useEndSound } from './useEndSound.js';
import { useServerNow } from './useServerNow.js';

/** The shared countdown, readable from the back of the room; the last seconds and the end stand out. */
export function TimerDisplay({ timer, clockOffsetMs, onEnd }: { timer: TimerState; clockOffsetMs: number; onEnd: () => void }) {
  const { t } = useTranslation();
  const sound = useEndSound();
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
    sound.play();
    onEnd();
  }, [over, timer, now, sound, onEnd]);

  const state = over ? 'over' : left <= TIMER_WARNING_MS ? 'warning' : timer.pausedAt !== null ? 'paused' : 'running';
  return (
    <div className={`facilitation-timer facilitation-timer--${state}`} data-testid="facilitation-timer">
      <span className="facilitation-timer__digits" role="timer" aria-label={t('facilitation.timer.label')}>
        {formatRemaining(left)}
      </span>
      {over && <span className="facilitation-timer__note">{t('facilitation.timer.over')}</span>}
      {!over && timer.pausedAt !== null && <span className="facilitation-timer__note">{t('facilitation.timer.paused')}</span>}
      <label className="facilitation-timer__sound">
        <input type="checkbox" checked={sound.enabled} onChange={(e) => sound.toggle(e.currentTarget.checked)} />
        {t('facilitation.timer.sound')}
      </label>
    </div>
  );
}
