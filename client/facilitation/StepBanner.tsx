import { useTranslation } from 'react-i18next';
import type { FacilitationView } from '../../shared/facilitation.js';

/** The current step for everyone: where we are, what to do, and what the step changes. */
export function StepBanner({ state }: { state: FacilitationView }) {
  const { t } = useTranslation();
  const step = state.steps[state.currentStep];
  if (!step && !state.paused && !state.privateWriting) return null;
  return (
    <section className="facilitation-step" aria-label={t('facilitation.step.label')} data-testid="step-banner">
      {step && (
        <>
          <p className="facilitation-step__count">
            {t('facilitation.step.count', { index: state.currentStep + 1, total: state.steps.length })}
          </p>
          <h2 className="facilitation-step__title">{step.title}</h2>
          {step.instruction && <p className="facilitation-step__instruction">{step.instruction}</p>}
        </>
      )}
      {state.paused && <p className="facilitation-flag facilitation-flag--paused">{t('facilitation.pause.banner')}</p>}
      {state.privateWriting && (
        <p className="facilitation-flag facilitation-flag--private">{t('facilitation.private.banner')}</p>
      )}
    </section>
  );
}
