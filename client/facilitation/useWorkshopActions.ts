import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FacilitationView } from '../../shared/facilitation.js';
import { pagePaths } from '../../shared/paths.js';
import type { Facilitation } from './useFacilitation.js';

export interface WorkshopActions {
  /** Whether moving to a step starts its timer (the facilitator's choice, shared by the bar and the panel). */
  withTimer: boolean;
  setWithTimer: (on: boolean) => void;
  start: () => void;
  next: () => void;
  closeVote: () => void;
  reveal: () => void;
  /** Ends the workshop after the facilitator confirms. */
  end: () => void;
  sheetHref: string;
}

/** What the bar's and the panel's buttons do, in one place so both do the same. */
export function useWorkshopActions(sessionId: string, state: FacilitationView | null, send: Facilitation['send']): WorkshopActions {
  const { t } = useTranslation();
  const [withTimer, setWithTimer] = useState(true);
  const currentStep = state?.currentStep ?? -1;
  const hasSteps = (state?.steps.length ?? 0) > 0;
  const go = useCallback((index: number) => void send('steps:go', { index, startTimer: withTimer }), [send, withTimer]);
  const end = useCallback(() => {
    if (window.confirm(t('cockpit.end.confirm'))) void send('workshop:end', {});
  }, [send, t]);
  return useMemo(
    () => ({
      withTimer,
      setWithTimer,
      start: () => (hasSteps ? go(0) : void send('workshop:start', {})),
      next: () => go(currentStep + 1),
      closeVote: () => void send('vote:close', {}),
      reveal: () => void send('private:reveal', {}),
      end,
      sheetHref: pagePaths.sessionSheet(sessionId),
    }),
    [withTimer, hasSteps, go, send, currentStep, end, sessionId],
  );
}
