import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Step, StepInput } from '../../shared/facilitation.js';
import { STEP_MINUTES_MAX } from '../../shared/facilitationLimits.js';
import type { Facilitation } from './useFacilitation.js';

type Draft = StepInput & { minutes: number; instruction: string };

/** The déroulé: move between steps, and edit them (add, reorder, rename, minutes, settings). */
export function StepsEditor({ steps, currentStep, send }: { steps: Step[]; currentStep: number; send: Facilitation['send'] }) {
  const { t } = useTranslation();
  const id = useId();
  const [withTimer, setWithTimer] = useState(true);
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState<Draft[]>(steps);
  useEffect(() => {
    if (!editing) setDraft(steps);
  }, [steps, editing]);

  const go = (index: number) => send('steps:go', { index, startTimer: withTimer });
  const patch = (i: number, change: Partial<Draft>) => setDraft((d) => d.map((s, j) => (j === i ? { ...s, ...change } : s)));
  const move = (i: number, by: number) =>
    setDraft((d) => {
      const next = [...d];
      const [step] = next.splice(i, 1);
      if (step) next.splice(i + by, 0, step);
      return next;
    });
  const save = async () => {
    const result = await send('steps:set', { steps: draft });
    if (result.ok) setEditing(false);
  };

  return (
    <section className="panel-block" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('facilitation.steps.title')}</h3>
      {!editing && (
        <>
          <div className="panel-row">
            <button type="button" disabled={currentStep <= 0} onClick={() => go(currentStep - 1)}>
              {t('facilitation.steps.previous')}
            </button>
            <button type="button" disabled={currentStep >= steps.length - 1} onClick={() => go(currentStep + 1)}>
              {t('facilitation.steps.next')}
            </button>
          </div>
          <label className="panel-check">
            <input type="checkbox" checked={withTimer} onChange={(e) => setWithTimer(e.currentTarget.checked)} />
            {t('facilitation.steps.withTimer')}
          </label>
          <ol className="steps-list">
            {steps.map((step, i) => (
              <li key={step.id} aria-current={i === currentStep ? 'step' : undefined}>
                <button type="button" onClick={() => go(i)} className="steps-list__go">
                  {step.title}
                  {step.minutes > 0 && ` · ${t('facilitation.timer.minutes', { count: step.minutes })}`}
                </button>
              </li>
            ))}
          </ol>
          <button type="button" onClick={() => setEditing(true)}>
            {t('facilitation.steps.edit')}
          </button>
        </>
      )}
      {editing && (
        <>
          <ol className="steps-edit">
            {draft.map((step, i) => (
              <li key={step.id ?? `new-${i}`}>
                <label>
                  {t('facilitation.steps.stepTitle')}
                  <input value={step.title} onChange={(e) => patch(i, { title: e.currentTarget.value })} />
                </label>
                <label>
                  {t('facilitation.steps.instruction')}
                  <textarea value={step.instruction} onChange={(e) => patch(i, { instruction: e.currentTarget.value })} />
                </label>
                <label>
                  {t('facilitation.steps.minutes')}
                  <input
                    type="number"
                    min={0}
                    max={STEP_MINUTES_MAX}
                    value={step.minutes}
                    onChange={(e) => patch(i, { minutes: Number(e.currentTarget.value) })}
                  />
                </label>
                {(['privateWriting', 'voting', 'pauseBoard'] as const).map((flag) => (
                  <label key={flag} className="panel-check">
                    <input
                      type="checkbox"
                      checked={Boolean(step[flag])}
                      onChange={(e) => patch(i, { [flag]: e.currentTarget.checked })}
                    />
                    {t(`facilitation.steps.${flag}`)}
                  </label>
                ))}
                <div className="panel-row">
                  <button type="button" disabled={i === 0} onClick={() => move(i, -1)} aria-label={t('facilitation.steps.up', { title: step.title })}>
                    ↑
                  </button>
                  <button
                    type="button"
                    disabled={i === draft.length - 1}
                    onClick={() => move(i, 1)}
                    aria-label={t('facilitation.steps.down', { title: step.title })}
                  >
                    ↓
                  </button>
                  <button type="button" onClick={() => setDraft((d) => d.filter((_, j) => j !== i))}>
                    {t('facilitation.steps.remove')}
                  </button>
                </div>
              </li>
            ))}
          </ol>
          <div className="panel-row">
            <button type="button" onClick={() => setDraft((d) => [...d, { title: t('facilitation.steps.newStep'), instruction: '', minutes: 5 }])}>
              {t('facilitation.steps.add')}
            </button>
            <button type="button" onClick={save}>
              {t('facilitation.steps.save')}
            </button>
            <button type="button" onClick={() => setEditing(false)}>
              {t('facilitation.steps.cancel')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
