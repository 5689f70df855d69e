import { useTranslation } from 'react-i18next';
import type { Step } from '../../shared/facilitation.js';

interface Group {
  canvasId: string | null;
  steps: { step: Step; index: number }[];
}

/** Consecutive steps of the same canvas form one group, in the déroulé's order. */
function groupByCanvas(steps: Step[]): Group[] {
  const groups: Group[] = [];
  steps.forEach((step, index) => {
    const canvasId = step.canvasId ?? null;
    const last = groups.at(-1);
    if (last && last.canvasId === canvasId) last.steps.push({ step, index });
    else groups.push({ canvasId, steps: [{ step, index }] });
  });
  return groups;
}

/** The déroulé grouped by canvas: the current step stands out with its instruction; any step is one click away. */
export function StepsList({ steps, currentStep, canvasTitles, onGo }: {
  steps: Step[];
  currentStep: number;
  canvasTitles: Map<string, string>;
  onGo: (index: number) => void;
}) {
  const { t } = useTranslation();
  if (steps.length === 0) return <p className="muted">{t('cockpit.steps.none')}</p>;
  return (
    <div className="steps-groups">
      {groupByCanvas(steps).map((group) => (
        <div key={`${group.canvasId}-${group.steps[0]!.index}`} className="steps-group">
          {group.canvasId && <h4 className="steps-group__title">{canvasTitles.get(group.canvasId) ?? t('cockpit.steps.canvas')}</h4>}
          <ol className="steps-list" start={group.steps[0]!.index + 1}>
            {group.steps.map(({ step, index }) => {
              const current = index === currentStep;
              return (
                <li key={step.id} aria-current={current ? 'step' : undefined} className={current ? 'is-current' : undefined}>
                  <button type="button" className="is-quiet steps-list__go" onClick={() => onGo(index)}>
                    <span className="steps-list__title">{step.title}</span>
                    {step.minutes > 0 && <span className="steps-list__minutes">{t('facilitation.timer.minutes', { count: step.minutes })}</span>}
                  </button>
                  {current && step.instruction && <p className="steps-list__instruction">{step.instruction}</p>}
                </li>
              );
            })}
          </ol>
        </div>
      ))}
    </div>
  );
}
