import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TIMER_PRESETS_MINUTES } from '../../shared/facilitationLimits.js';
import type { TimerState } from '../../shared/timer.js';
import type { Facilitation } from './useFacilitation.js';

/** The Minuteur section: presets, a custom duration, and pause / +1 minute / stop while it runs. */
export function TimerControls({ timer, send }: { timer: TimerState | null; send: Facilitation['send'] }) {
  const { t } = useTranslation();
  const id = useId();
  const [minutes, setMinutes] = useState(5);
  const start = (m: number) => send('timer:start', { durationMs: Math.round(m * 60_000) });
  return (
    <>
      {timer && (
        <div className="panel-row">
          {timer.pausedAt === null ? (
            <button type="button" className="is-primary" onClick={() => send('timer:pause', {})}>
              {t('facilitation.timer.pause')}
            </button>
          ) : (
            <button type="button" className="is-primary" onClick={() => send('timer:resume', {})}>
              {t('facilitation.timer.resume')}
            </button>
          )}
          <button type="button" onClick={() => send('timer:addMinute', {})}>
            {t('facilitation.timer.addMinute')}
          </button>
          <button type="button" className="is-quiet" onClick={() => send('timer:stop', {})}>
            {t('facilitation.timer.stop')}
          </button>
        </div>
      )}
      <div className="panel-row panel-row--chips" role="group" aria-label={t('facilitation.timer.presets')}>
        {TIMER_PRESETS_MINUTES.map((m) => (
          <button key={m} type="button" className="is-chip" onClick={() => start(m)}>
            {t('facilitation.timer.minutes', { count: m })}
          </button>
        ))}
      </div>
      <form
        className="panel-row"
        onSubmit={(e) => {
          e.preventDefault();
          void start(minutes);
        }}
      >
        <label htmlFor={`${id}-custom`}>{t('facilitation.timer.custom')}</label>
        <input
          id={`${id}-custom`}
          type="number"
          min={1}
          max={240}
          value={minutes}
          onChange={(e) => setMinutes(Number(e.currentTarget.value))}
        />
        <button type="submit">{t('facilitation.timer.start')}</button>
      </form>
    </>
  );
}
