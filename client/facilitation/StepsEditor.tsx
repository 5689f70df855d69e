import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Step, StepInput } from '../../shared/facilitation.js';
import { STEP_MINUTES_MAX } from '../../shared/facilitationLimits.js';
import { StepsList } from './StepsList.js';
import type { Facilitation } from './useFacilitation.js';

type Draft = StepInput & { minutes: number; instruction: string };

/** The déroulé section: go to any step, and edit the steps (add, reorder, rename, minutes, settings). */
export function StepsEditor({ steps, currentStep, canvasTitles, withTimer, onWithTimer, send }: {
  steps: Step[];
  currentStep: number;
  canvasTitles: Map<string, string>;
  withTimer: boolean;
  onWithTimer: (on: boolean) => void;
  send: Facilitation['send'];
}) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState<Draft[]>(steps);
  useEffect(() => {
    if (!editing) setDraft(steps);
  }, [steps, editing]);

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

  if (!editing) {
    return (
      <>
        <label className="panel-check">
          <input type="checkbox" checked={withTimer} onChange={(e) => onWithTimer(e.currentTarget.checked)} />
          <span>{t('facilitation.steps.withTimer')}</span>
        </label>
        <StepsList steps={steps} currentStep={currentStep} canvasTitles={canvasTitles} onGo={(index) => void send('steps:go', { index, startTimer: withTimer })} />
        <button type="button" onClick={() => setEditing(true)}>
          {t('facilitation.steps.edit')}
        </button>
      </>
    );
  }
  return (
    <>
      <ol className="steps-edit">
        {draft.map((step, i) => (
          <li key={step.id ?? `new-${i}`}>
            <label className="panel-field">
              <span>{t('facilitation.steps.stepTitle')}</span>
              <input value={step.title} onChange={(e) => patch(i, { title: e.currentTarget.value })} />
            </label>
            <label className="panel-field">
              <span>{t('facilitation.steps.instruction')}</span>
              <textarea rows={2} value={step.instruction} onChange={(e) => patch(i, { instruction: e.currentTarget.value })} />
            </label>
            <label className="panel-field panel-field--inline">
              <span>{t('facilitation.steps.minutes')}</span>
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
                <input type="checkbox" checked={Boolean(step[flag])} onChange={(e) => patch(i, { [flag]: e.currentTarget.checked })} />
                <span>{t(`facilitation.steps.${flag}`)}</span>
              </label>
            ))}
            <div className="panel-row">
              <button type="button" className="is-quiet" disabled={i === 0} onClick={() => move(i, -1)} aria-label={t('facilitation.steps.up', { title: step.title })}>
                ↑
              </button>
              <button
                type="button"
                className="is-quiet"
                disabled={i === draft.length - 1}
                onClick={() => move(i, 1)}
                aria-label={t('facilitation.steps.down', { title: step.title })}
              >
                ↓
              </button>
              <button type="button" className="is-quiet is-danger" onClick={() => setDraft((d) => d.filter((_, j) => j !== i))}>
                {t('facilitation.steps.remove')}
                <span className="visually-hidden"> {step.title}</span>
              </button>
            </div>
          </li>
        ))}
      </ol>
      <div className="panel-row">
        <button type="button" onClick={() => setDraft((d) => [...d, { title: t('facilitation.steps.newStep'), instruction: '', minutes: 5 }])}>
          {t('facilitation.steps.add')}
        </button>
        <button type="button" className="is-primary" onClick={save}>
          {t('facilitation.steps.save')}
        </button>
        <button type="button" className="is-quiet" onClick={() => setEditing(false)}>
          {t('facilitation.steps.cancel')}
        </button>
      </div>
    </>
  );
}
